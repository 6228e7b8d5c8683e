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
} as const;
