/** /forgetme: erasing a user's personal data on request. */
export const privacy = {
  'privacy.confirm':
    'Bạn muốn tôi <b>xoá dữ liệu cá nhân</b> của bạn? Tôi sẽ xoá: hồ sơ (tên, ngôn ngữ, vai trò), các đăng ký nhận thông báo, các lời nhắc, và tên cùng liên kết trò chuyện trong các phiếu phản ánh/yêu cầu bạn đã gửi (nội dung phiếu cũng bị xoá, chỉ giữ số liệu thống kê). Việc này không hoàn tác được, và cán bộ sẽ không thể trả lời các phiếu đó cho bạn nữa.',
  'privacy.yes': '🗑 Xoá dữ liệu của tôi',
  'privacy.no': 'Giữ lại',
  'privacy.done':
    'Đã xoá dữ liệu của bạn ({tickets} phiếu đã được ẩn danh). Nếu nhắn tin lại, bạn sẽ bắt đầu như người dùng mới.',
  'privacy.kept': 'Đã giữ nguyên, không xoá gì.',
  'cmd.forgetme': 'Xoá dữ liệu cá nhân của bạn',
} as const;
