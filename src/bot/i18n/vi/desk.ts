/** Bàn làm việc của cán bộ: chủ đề, thời gian hoàn tác, ghi chú, phân công, thiết lập, thời hạn. */
export const desk = {
  'cmd.setup': 'Kiểm tra quyền của bot trong nhóm cán bộ',
  'cmd.assign': 'Giao phiếu: /assign KN-0001 tên',
  'tickets.action.note': 'ghi chú nội bộ',
  'kb.sourceOfficer':
    '👤 Nguồn: câu trả lời của cán bộ, {officer}, {date} (không trích từ báo cáo).',
  'kb.needsTranslation': '(Chưa có bản dịch tiếng Anh.)',
  'tickets.action.assign': 'phân công',

  'desk.setup.ok':
    '✅ Nhóm cán bộ đã sẵn sàng: bot là quản trị viên, được quản lý chủ đề và đọc mọi tin nhắn. Mỗi phiếu mới mở một chủ đề riêng.',
  'desk.setup.title': '⚙️ <b>Nhóm cán bộ cần chỉnh lại</b>',
  'desk.setup.problem.unreachable':
    'Bot không thấy nhóm đặt trong OFFICER_CHAT_ID. Hãy thêm bot vào nhóm, hoặc sửa OFFICER_CHAT_ID (số dạng -1001234567890) rồi khởi động lại.',
  'desk.setup.problem.notSupergroup':
    'Nhóm đang là nhóm thường. Trong nhóm: ⋯ → Quản lý nhóm → Chủ đề (Topics) → bật (Telegram chuyển thành siêu nhóm); sau đó ghi mã nhóm mới vào OFFICER_CHAT_ID.',
  'desk.setup.problem.notForum':
    'Chưa bật Chủ đề. Trong nhóm: ⋯ → Quản lý nhóm → Chủ đề (Topics) → bật.',
  'desk.setup.problem.notAdmin':
    'Bot chưa là quản trị viên. Trong nhóm: ⋯ → Quản lý nhóm → Quản trị viên → Thêm quản trị viên → chọn bot, bật “Quản lý chủ đề” và “Ghim tin nhắn”.',
  'desk.setup.problem.noManageTopics':
    'Bot chưa được quản lý chủ đề. Trong nhóm: ⋯ → Quản lý nhóm → Quản trị viên → bot → bật “Quản lý chủ đề”.',
  'desk.setup.problem.noPin':
    'Bot chưa được ghim tin nhắn (thẻ phiếu sẽ không được ghim). Quản trị viên → bot → bật “Ghim tin nhắn”.',
  'desk.setup.problem.privacy':
    'Chế độ riêng tư đang bật nên bot chỉ thấy lệnh. Hãy cho bot làm quản trị viên, hoặc trong @BotFather: /mybots → bot → Bot Settings → Group Privacy → Turn off.',
  'desk.setup.modeTopics': 'Trong lúc đó, phiếu vẫn mở chủ đề.',
  'desk.setup.modeCards':
    'Cho đến khi sửa xong, phiếu đến nhóm dưới dạng thẻ; vuốt trả lời (reply) thẻ để trả lời người gửi.',
  'desk.setup.noGroup':
    'Chưa đặt nhóm cán bộ (OFFICER_CHAT_ID) nên mỗi cán bộ nhận phiếu riêng. Để dùng chủ đề: tạo nhóm, bật Chủ đề, thêm bot làm quản trị viên và ghi mã nhóm vào OFFICER_CHAT_ID.',

  'desk.owner.none': '👤 Người xử lý: chưa có',
  'desk.owner.is': '👤 Người xử lý: {name}',
  'desk.btn.assign': '👤 Giao phiếu',
  'desk.btn.undo': '↩️ Hoàn tác',
  'desk.btn.sendNow': '📤 Gửi ngay',
  'desk.relay.pending':
    '⏳ Sẽ gửi cho người gửi <b>#{code}</b> sau {seconds} giây · bấm Hoàn tác để dừng.',
  'desk.relay.undone': '↩️ Chưa gửi: câu trả lời cho <b>#{code}</b> đã được hoàn tác.',
  'desk.relay.sent': '📤 Đã gửi cho người gửi <b>#{code}</b> và ghi nhận.',
  'desk.relay.mediaNote': '[đã gửi tệp]',
  'desk.relay.tooLate': 'Tin này đã được gửi hoặc đã hoàn tác.',
  'desk.filer.media': '💬 Cán bộ gửi bạn một tệp về <b>#{code}</b>:',
  'desk.notice.fromFiler': '👤 Người gửi viết thêm về <b>#{code}</b>:',
  'desk.notice.rated': '⭐ Người gửi đánh giá <b>#{code}</b>: {rating}/5',
  'desk.note.saved': '📝 Đã lưu ghi chú nội bộ cho <b>#{code}</b> (không gửi cho người gửi).',
  'desk.assigned': '👤 <b>#{code}</b> giờ do {name} xử lý.',
  'desk.assign.notOfficer':
    'Đó không phải cán bộ trong danh sách (OFFICER_IDS). Hãy ghi mã số, @tên người dùng hoặc tên.',
  'desk.assign.same': '<b>#{code}</b> đã thuộc cán bộ đó.',
  'desk.assign.pick': 'Ai sẽ xử lý <b>#{code}</b>?',
  'desk.usage.assign': 'Cú pháp: /assign KN-0001 tên (trong chủ đề của phiếu: /assign tên)',
  'desk.returned':
    '↩️ Các phiếu đang mở này thuộc cán bộ không còn trong OFFICER_IDS và đã trở lại hàng chờ: {codes}',
  'desk.target.response': 'phản hồi đầu tiên',
  'desk.target.resolution': 'giải quyết',
  'desk.target.near':
    '⏳ <b>#{code}</b>: sắp đến thời hạn {target} (hạn {due}, tính giờ làm việc).',
  'desk.target.missed':
    '🚨 <b>#{code}</b>: đã quá thời hạn {target} (hạn {due}, tính giờ làm việc). Đề nghị xử lý ngay.',
  'desk.stats.withinTarget':
    '<b>Đúng thời hạn</b> (giờ làm việc): phản hồi đầu {response}, giải quyết {resolution}',
  'desk.btn.saveFaq': '💡 Lưu làm câu hỏi thường gặp',
  'desk.btn.needsTranslation': '🌐 Không có tiếng Anh: cần dịch',
  'desk.btn.submitDraft': '📨 Gửi duyệt',
  'desk.btn.approve': '✅ Duyệt',
  'desk.btn.reject': '✖️ Không duyệt',
  'desk.btn.answer': '✍️ Trả lời {n}',
  'desk.faq.unansweredTitle':
    '<b>Câu hỏi bot chưa trả lời được</b> (gộp câu tương tự, mới nhất trước):',
  'desk.faq.similar': '(+{count} câu tương tự)',
  'desk.faq.questions': 'Câu hỏi cần trả lời:\n{questions}',
  'desk.faq.askVi':
    'Viết câu trả lời bằng tiếng Việt, như người dùng sẽ đọc (văn bản thường, thông tin chắc chắn):',
  'desk.faq.askEn':
    'Tiếp theo là câu trả lời tiếng Anh, hoặc bấm nút nếu không có (sẽ được đánh dấu “cần dịch”):',
  'desk.faq.askTopic': 'Câu trả lời này thuộc chủ đề nào?',
  'desk.faq.askPhrasings': 'Thêm các cách hỏi khác, mỗi dòng một câu, hoặc gửi duyệt ngay:',
  'desk.faq.needQuestion': 'Hãy thêm ít nhất một cách hỏi (mỗi dòng một câu).',
  'desk.faq.submitted': '📨 Đã gửi bản nháp: cần một cán bộ khác duyệt trước khi bot dùng.',
  'desk.faq.review':
    '💡 <b>Bản nháp câu trả lời</b> của {officer}, cho cơ sở kiến thức:\n{questions}\n\n🇻🇳 {vi}\n🇬🇧 {en}\n\nNguồn: câu trả lời của cán bộ (không trích từ báo cáo). Bấm Duyệt để đưa vào sử dụng.',
  'desk.faq.noEnglish': '(cần dịch)',
  'desk.faq.settled': 'Bản nháp này đã được duyệt hoặc từ chối.',
  'desk.faq.secondOfficer': 'Cần một cán bộ khác duyệt, không phải người viết.',
  'desk.faq.rejected': '✖️ Đã không duyệt; bot sẽ không dùng bản nháp này.',
  'desk.faq.invalid': '⚠️ Mục này không qua được kiểm tra của cơ sở kiến thức nên chưa được đăng:',
  'desk.faq.live': '✅ Đã duyệt và áp dụng: bot giờ trả lời “{title}” bằng câu trả lời của cán bộ.',
  'desk.faq.left': 'Đã dừng viết câu trả lời; bản nháp được giữ lại, chưa đăng.',
  'desk.faq.pending': 'Bot đang chờ câu trả lời bạn đang viết (/cancel để dừng).',
  'cmd.kb': 'Tra câu trả lời: /kb từ khoá (trong chủ đề phiếu) hoặc /kb KN-0001 từ khoá',
  'desk.usage.kb': 'Gõ /kb và vài từ trong chủ đề của phiếu, hoặc /kb KN-0001 từ khoá.',
  'desk.kb.none': 'Cơ sở kiến thức chưa có câu trả lời cho các từ này.',
  'desk.btn.sendAnswer': '📤 Gửi câu trả lời này cho người gửi',
} as const;
