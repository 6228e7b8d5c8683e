/**
 * Messages of the dialogue layer (contacts, parks, officer reply previews, ticket threads,
 * evidence, role starts) in Vietnamese, the reference language.
 */
export const dialogues = {
  'contact.title': '<b>Liên hệ Ban quản lý</b>',
  'contact.none':
    'Thông tin liên hệ của Ban chưa được cập nhật trong trợ lý này. Bạn có thể gửi câu hỏi để cán bộ trả lời trực tiếp.',
  'contact.askOfficer': '✉️ Gửi câu hỏi cho cán bộ',
  'park.otherAsk': 'Hãy gõ <b>tên khu công nghiệp</b> của bạn (hoặc bấm Bỏ qua nếu không rõ):',
  'park.otherSkip': 'Bỏ qua',
  'park.otherTooLong': 'Tên KCN dài quá ({limit} ký tự). Hãy gõ ngắn hơn.',
  'remind.savedAt': '⏰ Đã lưu: tôi sẽ nhắc bạn lúc <b>{when}</b>:\n{text}',
  'remind.undo': '↩️ Hoàn tác',
  'remind.change': '🕒 Đổi giờ',
  'remind.undone': 'Đã xoá nhắc việc “{text}”.',
  'remind.askTime':
    'Gõ thời gian mới cho “{text}”, ví dụ <code>mai 9h</code> hoặc <code>sau 2 tiếng</code>.',
  'remind.askTimeAgain':
    'Hãy gõ thời gian mới (ví dụ <code>mai 9h</code>), hoặc /cancel để giữ giờ cũ.',
  'remind.timeKept': 'Đã giữ nguyên giờ của nhắc việc.',
  'remind.legacyPending': 'Nhắc việc trước đó vẫn chờ bạn bấm ✅ hoặc ✖️ ở trên.',
  'broadcast.left': 'Đã huỷ soạn thông báo; chưa gửi gì.',
  'broadcast.pending': 'Thông báo đang soạn vẫn chờ bạn chọn ở các nút phía trên (hoặc /cancel).',
  'broadcast.composePending': 'Hãy gửi nội dung thông báo (chữ, ảnh hoặc tệp), hoặc /cancel.',
  'schedule.left': 'Đã huỷ tạo lịch nhắc hạn; chưa lưu gì.',
  'schedule.pending': 'Lịch nhắc hạn đang tạo vẫn chờ bạn ở bước trên (hoặc /cancel).',
  'tickets.action.undelivered': 'không gửi được',
  'reply.preview.reply':
    '👁 <b>Xem trước</b> — trả lời <b>#{code}</b> (chưa gửi):\n<blockquote>{text}</blockquote>',
  'reply.preview.ask':
    '👁 <b>Xem trước</b> — câu hỏi thêm cho <b>#{code}</b> (chưa gửi):\n<blockquote>{text}</blockquote>',
  'reply.preview.resolve':
    '👁 <b>Xem trước</b> — ghi chú giải quyết <b>#{code}</b> (chưa gửi):\n<blockquote>{text}</blockquote>',
  'reply.preview.reject':
    '👁 <b>Xem trước</b> — lý do không tiếp nhận <b>#{code}</b> (chưa gửi):\n<blockquote>{text}</blockquote>',
  'reply.btn.send': '📨 Gửi',
  'reply.btn.edit': '✏️ Sửa',
  'reply.btn.cancel': '✖️ Huỷ',
  'reply.left': 'Đã huỷ trả lời #{code}; chưa gửi gì cho người gửi.',
  'reply.pending': 'Bản trả lời #{code} vẫn chờ: bấm 📨 Gửi hoặc ✏️ Sửa ở trên (hoặc /cancel).',
  'reply.inputPending':
    'Hãy gõ nội dung (chữ) cho #{code}; bạn sẽ xem trước khi gửi. /cancel để huỷ.',
  'reply.expired': 'Bản trả lời #{code} đã hết hạn và không được gửi.',
  'reply.stale': 'Bản xem trước này không còn hiệu lực; không có gì được gửi.',
  'reply.erased':
    'Không gửi được cho người gửi #{code}: họ đã xoá dữ liệu của mình (/forgetme). Đã ghi nhận là chưa gửi.',
  'reply.blocked': 'Không gửi được cho người gửi #{code}: họ đã chặn bot. Đã ghi nhận là chưa gửi.',
  'reply.failed':
    'Không gửi được cho người gửi #{code} (Telegram báo lỗi). Đã ghi nhận là chưa gửi; hãy thử lại sau.',
  'draft.offer': 'Bạn có một bản nháp đang viết dở. Tiếp tục bản nháp hay viết mới?',
  'draft.resume': '▶️ Tiếp tục bản nháp',
  'draft.fresh': '🆕 Viết mới',
  'draft.discarded': 'Đã bỏ bản nháp cũ.',
  'draft.resumed': 'Tiếp tục bản nháp của bạn:',
  'filing.suspended': '📝 Đã lưu bản nháp {type} đang viết dở. Gõ /{command} để tiếp tục.',
  'filing.pending':
    '📝 {type} của bạn vẫn đang chờ ở bước trên: hãy chọn một nút (hoặc /cancel để huỷ).',
  'filing.cancelled': 'Đã huỷ {type} đang viết; chưa gửi gì.',
  'filing.partJoined': 'Đã nối phần tiếp theo vào nội dung ({length} ký tự).',
  'filing.fileWithoutText':
    'Đã nhận tệp. Hãy gõ thêm <b>nội dung</b> phản ánh bằng chữ (có thể ghi ngay trong chú thích ảnh).',
  'filing.parkNamed': 'Đã ghi KCN: {park}.',
  'evidence.header': '📎 Tệp của <b>#{code}</b>:',
  'thread.added': '➕ Đã thêm vào <b>#{code}</b> và báo cho cán bộ.',
  'thread.which': 'Bạn có nhiều phiếu đang chờ bạn trả lời. Thêm tin nhắn này vào phiếu nào?',
  'thread.pickPending': 'Hãy chọn phiếu ở trên để thêm tin nhắn của bạn (hoặc /cancel).',
  'thread.pickLeft': 'Tin nhắn trước chưa được thêm vào phiếu nào.',
  'thread.infoLeft': 'Đã dừng bổ sung thông tin cho #{code}; chưa thêm gì.',
  'thread.infoPending': 'Hãy gửi nội dung hoặc tệp để bổ sung cho #{code} (hoặc /cancel).',
  'thread.edited': '✏️ Đã cập nhật bản sửa vào <b>#{code}</b> và báo cho cán bộ.',
  'thread.editedNote': '(đã sửa) {text}',
  'thread.noticeEdited': '✏️ Người gửi đã sửa một tin nhắn trong <b>#{code}</b>:\n{text}',
  'thread.title': '<b>#{code}</b> · {category} · {status}',
  'thread.you': '🙋 Bạn ({at}):',
  'thread.officer': '💬 Cán bộ trả lời ({at}):',
  'thread.officerAsks': '❓ Cán bộ hỏi thêm ({at}):',
  'thread.statusLine': '📌 {status} ({at})',
  'thread.files': '📎 {count} tệp đính kèm — bấm “Xem tệp” để nhận lại.',
  'thread.btn.view': '🔎 #{code}',
  'thread.btn.files': '📎 Xem tệp',
  'thread.btn.rate': '⭐ Đánh giá',
  'thread.waiting': '⏳ Cán bộ đang chờ bạn trả lời: cứ gõ câu trả lời, tôi sẽ thêm vào phiếu này.',
  'mine.pick': 'Bấm một mã để xem toàn bộ trao đổi.',
  'start.officerGreeting':
    'Xin chào cán bộ <b>{name}</b>! Đây là giao diện cán bộ: phiếu phản ánh, trả lời, thông báo và số liệu. Gõ /help để xem các lệnh cán bộ.',
  'role.officer':
    'Bạn là cán bộ Ban quản lý nên không cần chọn vai trò người lao động hay doanh nghiệp.',
  'menu.officerOpen': '📋 Phiếu đang mở',
  'menu.officerOverdue': '⏰ Phiếu quá hạn',
  'park.ask': 'Bạn làm việc ở <b>khu công nghiệp</b> nào? Tôi sẽ gửi bạn thông báo của KCN đó.',
  'park.askOther': '✏️ KCN khác (gõ tên)',
  'park.change': '🏭 Chọn KCN của bạn',
  'park.mine': 'KCN của bạn: <b>{park}</b>.',
  'park.mineOther':
    'KCN của bạn: <b>{park}</b> (bạn tự gõ; KCN này không có trong danh sách của Ban nên không có kênh thông báo riêng).',
  'park.otherSaved':
    'Đã ghi KCN của bạn: <b>{park}</b>. KCN này không có trong danh sách của Ban nên không có kênh thông báo riêng: bạn vẫn nhận thông báo chung và theo vai trò. Đổi bằng /subscribe hoặc /role.',
  'park.otherDropped': 'Thông báo của KCN bạn chọn trước đây đã được tắt.',
  'park.otherPending': 'Tôi đang chờ bạn gõ tên khu công nghiệp (hoặc bấm Bỏ qua).',
  'park.otherLeft': 'Đã bỏ qua bước nhập tên KCN.',
  'park.askSkip': '⏭ Bỏ qua',
  'park.saved':
    '🔔 Đã đăng ký nhận thông báo của <b>{park}</b>. Đổi bất cứ lúc nào bằng /subscribe hoặc /role.',
  'park.skipped': 'Được. Bạn có thể chọn KCN sau bằng /subscribe hoặc /role.',
  'role.switched':
    'Đã chuyển thông báo dành cho vai trò cũ sang vai trò mới; các phiếu đã gửi vẫn ở /mytickets.',
  'error.unhandledButton': 'Nút này không còn dùng được. Gõ /start để mở lại menu.',
  'draft.replaced': '(Bản nháp cũ hơn đã được thay bằng bản này.)',
  'thread.draftEdited': '✏️ Đã cập nhật nội dung trong bản nháp theo bản sửa của bạn.',
} as const;
