/** The officers' desk: topics, undo window, notes, assignment, setup, service targets. */
export const desk = {
  'cmd.setup': 'Check the bot’s rights in the officers’ group',
  'cmd.assign': 'Hand a ticket on: /assign KN-0001 name',
  'tickets.action.note': 'internal note',
  'kb.sourceOfficer': '👤 Source: officer answer, {officer}, {date} (not from the report).',
  'kb.needsTranslation': '(Written in Vietnamese; the English translation is pending.)',
  'tickets.action.assign': 'assigned',

  'desk.setup.ok':
    '✅ The officers’ group is ready: the bot is an admin, may manage topics and reads every message. Each new ticket opens its own topic.',
  'desk.setup.title': '⚙️ <b>The officers’ group needs a change</b>',
  'desk.setup.problem.unreachable':
    'The bot cannot see the group set in OFFICER_CHAT_ID. Add the bot to the group, or correct OFFICER_CHAT_ID (a number such as -1001234567890) and restart.',
  'desk.setup.problem.notSupergroup':
    'The group is a basic group. In the group: ⋯ → Manage group → Topics → on (Telegram turns it into a supergroup); then put its new id in OFFICER_CHAT_ID.',
  'desk.setup.problem.notForum':
    'Topics are off. In the group: ⋯ → Manage group → Topics → turn on.',
  'desk.setup.problem.notAdmin':
    'The bot is not an admin. In the group: ⋯ → Manage group → Administrators → Add admin → choose the bot, with “Manage topics” and “Pin messages”.',
  'desk.setup.problem.noManageTopics':
    'The bot may not manage topics. In the group: ⋯ → Manage group → Administrators → the bot → turn on “Manage topics”.',
  'desk.setup.problem.noPin':
    'The bot may not pin messages (ticket cards stay unpinned). Administrators → the bot → turn on “Pin messages”.',
  'desk.setup.problem.privacy':
    'Privacy mode is on, so the bot sees only commands. Make the bot an admin, or in @BotFather: /mybots → the bot → Bot Settings → Group Privacy → Turn off.',
  'desk.setup.modeTopics': 'Tickets open topics meanwhile.',
  'desk.setup.modeCards':
    'Until then tickets arrive as cards in the group; swipe-reply to a card to answer the filer.',
  'desk.setup.noGroup':
    'No officers’ group is set (OFFICER_CHAT_ID), so each officer gets tickets privately. To use topics, create a group, turn on Topics, add the bot as admin and put the group’s id in OFFICER_CHAT_ID.',

  'desk.owner.none': '👤 Owner: nobody yet',
  'desk.owner.is': '👤 Owner: {name}',
  'desk.btn.assign': '👤 Assign',
  'desk.btn.undo': '↩️ Undo',
  'desk.btn.sendNow': '📤 Send now',
  'desk.relay.pending':
    '⏳ Sending to the filer of <b>#{code}</b> in {seconds} s · press Undo to stop it.',
  'desk.relay.undone': '↩️ Not sent: the reply on <b>#{code}</b> was undone.',
  'desk.relay.sent': '📤 Sent to the filer of <b>#{code}</b> and recorded.',
  'desk.relay.mediaNote': '[file sent]',
  'desk.relay.tooLate': 'This message was already sent or undone.',
  'desk.filer.media': '💬 An officer sent you a file about <b>#{code}</b>:',
  'desk.notice.fromFiler': '👤 The filer wrote on <b>#{code}</b>:',
  'desk.notice.rated': '⭐ The filer rated <b>#{code}</b>: {rating}/5',
  'desk.note.saved': '📝 Internal note kept on <b>#{code}</b> (not sent to the filer).',
  'desk.assigned': '👤 <b>#{code}</b> is now handled by {name}.',
  'desk.assign.notOfficer':
    'That is not one of the officers (OFFICER_IDS). Write their id, @username or first name.',
  'desk.assign.same': '<b>#{code}</b> already belongs to that officer.',
  'desk.assign.pick': 'Who should handle <b>#{code}</b>?',
  'desk.usage.assign': 'Write: /assign KN-0001 name (in a ticket’s topic: /assign name)',
  'desk.returned':
    '↩️ These open tickets belonged to officers no longer in OFFICER_IDS and are back in the queue: {codes}',
  'desk.target.response': 'first response',
  'desk.target.resolution': 'resolution',
  'desk.target.near': '⏳ <b>#{code}</b>: the {target} target is near (due {due}, working time).',
  'desk.target.missed':
    '🚨 <b>#{code}</b>: the {target} target was missed (due {due}, working time). Please take it up.',
  'desk.stats.withinTarget':
    '<b>Within target</b> (working time): first response {response}, resolution {resolution}',
  'desk.btn.saveFaq': '💡 Save as FAQ',
  'desk.btn.needsTranslation': '🌐 No English: needs translation',
  'desk.btn.submitDraft': '📨 Send for approval',
  'desk.btn.approve': '✅ Approve',
  'desk.btn.reject': '✖️ Reject',
  'desk.btn.answer': '✍️ Answer {n}',
  'desk.faq.unansweredTitle':
    '<b>Questions the bot could not answer</b> (similar ones grouped, newest first):',
  'desk.faq.similar': '(+{count} similar)',
  'desk.faq.questions': 'Questions to answer:\n{questions}',
  'desk.faq.askVi':
    'Write the answer in Vietnamese, as users should read it (plain text, facts you can stand by):',
  'desk.faq.askEn':
    'Now the English answer, or press the button if you have none (it will be marked “needs translation”):',
  'desk.faq.askTopic': 'Which topic does this answer belong to?',
  'desk.faq.askPhrasings':
    'Add other ways people ask this, one per line, or send it for approval now:',
  'desk.faq.needQuestion': 'Add at least one way people ask this question (one per line).',
  'desk.faq.submitted': '📨 Draft sent: a second officer has to approve it before the bot uses it.',
  'desk.faq.review':
    '💡 <b>Draft answer</b> by {officer}, for the knowledge base:\n{questions}\n\n🇻🇳 {vi}\n🇬🇧 {en}\n\nSource: officer answer (not from the report). Approve to make it live.',
  'desk.faq.noEnglish': '(needs translation)',
  'desk.faq.settled': 'This draft was already approved or rejected.',
  'desk.faq.secondOfficer': 'A second officer has to approve this draft, not its author.',
  'desk.faq.rejected': '✖️ Draft rejected; the bot will not use it.',
  'desk.faq.invalid': '⚠️ The entry failed the knowledge-base checks and was not published:',
  'desk.faq.live': '✅ Approved and live: the bot now answers “{title}” as an officer answer.',
  'desk.faq.left': 'Writing the answer was stopped; the draft is kept unpublished.',
  'desk.faq.pending': 'The bot is waiting for the answer you are writing (/cancel to stop).',
  'cmd.kb': 'Answers at hand: /kb words (in a ticket topic) or /kb KN-0001 words',
  'desk.usage.kb': 'Write /kb and a few words in a ticket’s topic, or /kb KN-0001 words.',
  'desk.kb.none': 'The knowledge base has no answer for those words.',
  'desk.btn.sendAnswer': '📤 Send this answer to the filer',
} as const;
