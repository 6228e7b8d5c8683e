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
} as const;
