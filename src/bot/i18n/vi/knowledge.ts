/** Answers from the knowledge base, topics, feedback and the officers' knowledge commands. */
export const knowledge = {
  'kb.source':
    '📄 <i>Nguồn: Báo cáo tổng kết 20 năm xây dựng, phát triển các KCN Bắc Ninh (2018), mục {section}</i>',
  'kb.excerptIntro':
    'Tôi chưa có câu trả lời soạn sẵn cho câu hỏi này. Đoạn liên quan nhất trong báo cáo của Ban (<b>trích nguyên văn</b>):',
  'kb.excerptSource':
    '📄 <i>Trích Báo cáo tổng kết 20 năm các KCN Bắc Ninh (2018), mục {section}: {title}</i>',
  'kb.noAnswer':
    'Xin lỗi, tôi <b>chưa tìm thấy câu trả lời</b> cho câu hỏi này trong tài liệu của Ban, nên không đoán. Tài liệu của Ban (báo cáo tổng kết 20 năm, số liệu đến năm 2018, và các câu trả lời cán bộ đã duyệt) nói về số liệu các KCN, thủ tục đầu tư và doanh nghiệp, quyền lợi người lao động, môi trường, công đoàn và công việc của Ban; tài liệu không nêu lệ phí, thời hạn, số liệu sau năm 2018 hay quy định chi tiết của luật. Bạn có thể xem theo chủ đề, gửi câu hỏi để cán bộ trả lời, hoặc xem /contact.',
  'kb.seeAlso': 'Câu hỏi liên quan:',
  'kb.smallTalk.greeting':
    'Xin chào! Tôi là trợ lý của Ban quản lý các KCN Bắc Ninh. Bạn cứ gõ câu hỏi (có dấu hay không dấu đều được), hoặc chọn trong menu.',
  'kb.smallTalk.thanks': 'Không có gì ạ! Cần hỏi thêm gì bạn cứ nhắn nhé.',
  'kb.smallTalk.goodbye': 'Chào bạn, hẹn gặp lại! Khi cần, bạn cứ nhắn cho tôi.',
  'kb.smallTalk.acknowledgement': 'Vâng ạ. Bạn cần hỏi gì cứ gõ câu hỏi, hoặc chọn trong menu.',
  'kb.menuButton': '📋 Menu',
  'kb.grievance':
    'Tôi rất tiếc khi nghe chuyện bạn gặp phải. Ban quản lý các KCN tiếp nhận và giải quyết phản ánh, kiến nghị của người lao động, và có nhiệm vụ bảo đảm quyền, lợi ích hợp pháp của người lao động. Bạn có thể <b>gửi phản ánh</b> ngay tại đây; mặc định phản ánh là ẩn danh, cán bộ không thấy tên bạn.',
  'kb.offTopic':
    'Việc này nằm ngoài những gì tôi biết. Tôi có thể giúp về các KCN Bắc Ninh: thủ tục đầu tư và doanh nghiệp, quyền lợi người lao động, môi trường, công đoàn, số liệu của các KCN, và gửi phản ánh hay yêu cầu hỗ trợ tới Ban.',
  'kb.contactButton': '☎️ Liên hệ Ban',
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
  'kb.contactPhone': 'Điện thoại',
  'kb.contactEmail': 'Email',
  'kb.contactAddress': 'Địa chỉ',
  'kb.contactWebsite': 'Trang web',
  'kb.contactHours': 'Giờ làm việc',
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
