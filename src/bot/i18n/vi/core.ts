/** Core messages (greeting, menu, help, errors) in Vietnamese, the reference language. */
export const core = {
  'start.greeting':
    'Xin chào <b>{name}</b>! Tôi là trợ lý trực tuyến của <b>Ban quản lý các KCN Bắc Ninh</b>.\nTôi trả lời câu hỏi về thủ tục, quyền lợi người lao động và hoạt động của các khu công nghiệp, dựa trên tài liệu Ban đã công bố.',
  'start.greetingBack': 'Chào mừng <b>{name}</b> quay lại!',
  'role.ask':
    'Bạn là <b>người lao động</b> hay <b>doanh nghiệp</b>? Tôi sẽ gợi ý những việc phù hợp với bạn.',
  'role.worker': '👷 Người lao động',
  'role.enterprise': '🏭 Doanh nghiệp',
  'role.saved.worker': 'Đã ghi nhận: bạn là <b>người lao động</b>. Gõ /role nếu muốn đổi.',
  'role.saved.enterprise': 'Đã ghi nhận: bạn là <b>doanh nghiệp</b>. Gõ /role nếu muốn đổi.',
  'menu.title':
    '<b>Tôi có thể giúp gì?</b>\nBạn có thể gõ câu hỏi bất kỳ (có dấu hay không dấu đều được), hoặc chọn:',
  'menu.ask': '❓ Đặt câu hỏi',
  'menu.askHint':
    'Hãy gõ câu hỏi của bạn, ví dụ: <i>thủ tục đầu tư vào KCN</i> hoặc <i>lương bình quân công nhân</i>.',
  'menu.help': 'ℹ️ Hướng dẫn',
  'menu.role': '🔁 Đổi vai trò',
  'help.title': '<b>Các lệnh bạn dùng được</b>',
  'help.officerTitle': '<b>Lệnh dành cho cán bộ</b>',
  'help.footer':
    'Ngoài ra, cứ gõ câu hỏi: tôi tìm câu trả lời trong báo cáo của Ban và ghi rõ nguồn.',
  'cmd.start': 'Bắt đầu và mở menu',
  'cmd.help': 'Danh sách lệnh',
  'cmd.role': 'Đổi vai trò (người lao động / doanh nghiệp)',
  'cmd.cancel': 'Huỷ thao tác đang làm',
  'cancel.done': 'Đã huỷ. Bạn có thể gõ câu hỏi hoặc /start để mở menu.',
  'cancel.nothing': 'Không có thao tác nào đang chờ để huỷ.',
  'error.generic':
    'Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, hãy gõ /start.',
  'error.notSaved':
    'Xin lỗi, nội dung này chưa được lưu: máy chủ không ghi được dữ liệu. Chưa có gì được ghi lại, vui lòng gửi lại sau ít phút.',
  'error.unknownCommand': 'Tôi không biết lệnh {command}. Gõ /help để xem các lệnh.',
  'error.unsupportedMessage':
    'Tôi đọc được tin nhắn chữ và tệp (ảnh, tài liệu, ghi âm, video), không đọc được loại tin này. Hãy gõ câu hỏi, hoặc /help để xem các lệnh.',
  'fallback.file.kept':
    '📎 Tôi chưa lưu tệp này: bạn không có khiếu nại hay đề nghị nào đang viết.',
  'fallback.file.draft':
    '📎 Tôi chưa lưu tệp này: bản nháp của bạn đang được cất. Gõ /{command} để tiếp tục bản nháp rồi gửi tệp khi được hỏi.',
  'fallback.file.worker':
    'Để gửi làm bằng chứng, gõ /complaint rồi đính kèm khi được hỏi, hoặc mở phiếu trong /mytickets và bấm ➕ Bổ sung thông tin. Có câu hỏi thì cứ gõ chữ.',
  'fallback.file.enterprise':
    'Để gửi kèm hồ sơ, gõ /request rồi đính kèm khi được hỏi, hoặc mở phiếu trong /mytickets và bấm ➕ Bổ sung thông tin. Có câu hỏi thì cứ gõ chữ.',
  'fallback.file.none':
    'Để gửi làm bằng chứng, gõ /complaint (người lao động) hoặc /request (doanh nghiệp) rồi đính kèm khi được hỏi. Có câu hỏi thì cứ gõ chữ.',
  'fallback.file.officer':
    'Để gửi tệp thành thông báo, dùng /broadcast; để trả lời một phiếu, mở phiếu trong /tickets.',
  'error.staleButton': 'Nút này đã hết hiệu lực. Gõ /start để mở lại menu.',
  'error.notOfficer': 'Lệnh này chỉ dành cho cán bộ Ban quản lý.',
  'error.slowDown':
    'Bạn đang gửi tin quá nhanh. Tôi sẽ tạm không trả lời trong {seconds} giây; sau đó bạn cứ tiếp tục bình thường.',
  'error.groupChat': 'Vui lòng nhắn riêng cho tôi để được hỗ trợ.',
} as const;
