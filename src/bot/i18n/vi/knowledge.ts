/** Answers from the knowledge base, topics, feedback and the officers' knowledge commands. */
export const knowledge = {
  'kb.source':
    '📄 <i>Nguồn: Báo cáo tổng kết 20 năm xây dựng, phát triển các KCN Bắc Ninh (2018), mục {section}</i>',
  'kb.excerptIntro':
    'Tôi chưa có câu trả lời soạn sẵn cho câu hỏi này. Đoạn liên quan nhất trong báo cáo của Ban (<b>trích nguyên văn</b>):',
  'kb.excerptSource':
    '📄 <i>Trích Báo cáo tổng kết 20 năm các KCN Bắc Ninh (2018), mục {section}: {title}</i>',
  'kb.noAnswer':
    'Xin lỗi, tôi <b>chưa tìm thấy câu trả lời</b> cho câu hỏi này trong tài liệu của Ban, nên không đoán. Bạn có thể xem theo chủ đề, hoặc gửi câu hỏi để cán bộ trả lời.',
  'kb.seeAlso': 'Câu hỏi liên quan:',
  'kb.browseTopics': '📚 Xem theo chủ đề',
  'kb.fileComplaint': '📝 Gửi phản ánh',
  'kb.fileRequest': '📨 Gửi yêu cầu hỗ trợ',
  'kb.subscribe': '🔔 Đăng ký nhận thông báo',
  'kb.remind': '⏰ Đặt lời nhắc',
  'kb.helpful': '👍 Hữu ích',
  'kb.notHelpful': '👎 Chưa đúng',
  'kb.thanks': 'Cảm ơn bạn đã góp ý!',
  'kb.topicsTitle': '<b>Chủ đề</b> — chọn một chủ đề (trang {page}/{pages}):',
  'kb.topicTitle': '<b>{topic}</b> — chọn câu hỏi (trang {page}/{pages}):',
  'kb.previous': '◀️ Trước',
  'kb.next': 'Sau ▶️',
  'kb.backToTopics': '↩️ Các chủ đề',
  'kb.contactTitle': '<b>Liên hệ</b>',
  'kb.contactMissing': 'chưa có trong tài liệu của Ban',
  'kb.contactPhone': 'Điện thoại',
  'kb.contactEmail': 'Email',
  'kb.contactAddress': 'Địa chỉ',
  'kb.contactWebsite': 'Trang web',
  'kb.unansweredTitle': '<b>Câu hỏi chưa trả lời được</b> (mới nhất trước, tối đa {limit}):',
  'kb.unansweredEmpty': 'Chưa có câu hỏi nào chưa trả lời được.',
  'kb.dislikedTitle': '<b>Câu trả lời bị đánh giá 👎</b>:',
  'kb.reloaded': 'Đã nạp lại cơ sở tri thức: <b>{count}</b> mục.',
  'kb.reloadFailed':
    'Có tệp không nạp lại được: nội dung cũ của tệp đó vẫn đang được dùng. Hãy sửa các lỗi sau rồi gửi /reload:',
  'menu.topics': '📚 Chủ đề',
  'menu.contact': '☎️ Liên hệ',
  'cmd.topics': 'Xem câu hỏi theo chủ đề',
  'cmd.contact': 'Thông tin liên hệ của Ban',
  'cmd.unanswered': 'Câu hỏi chưa trả lời được và câu trả lời bị chê',
  'cmd.reload': 'Nạp lại cơ sở tri thức sau khi sửa tệp',
} as const;
