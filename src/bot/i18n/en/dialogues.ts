import type { dialogues as vi } from '../vi/dialogues.ts';

/** The dialogue layer's messages in English. */
export const dialogues: { readonly [K in keyof typeof vi]: string } = {
  'contact.title': '<b>Contacting the Board</b>',
  'contact.none':
    'The Board’s contact details have not been added to this assistant yet. You can send your question and an officer will answer you here.',
  'contact.askOfficer': '✉️ Send your question to an officer',
  'park.otherAsk':
    'Type the <b>name of your industrial park</b> (or tap Skip if you are not sure):',
  'park.otherSkip': 'Skip',
  'park.otherTooLong': 'That park name is too long ({limit} characters). Please shorten it.',
  'remind.savedAt': '⏰ Saved: I will remind you at <b>{when}</b>:\n{text}',
  'remind.undo': '↩️ Undo',
  'remind.change': '🕒 Change time',
  'remind.undone': 'Reminder “{text}” deleted.',
  'remind.askTime':
    'Type the new time for “{text}”, for example <code>tomorrow 9am</code> or <code>in 2 hours</code>.',
  'remind.askTimeAgain':
    'Type the new time (for example <code>tomorrow 9am</code>), or /cancel to keep the old one.',
  'remind.timeKept': 'The reminder keeps its time.',
  'remind.legacyPending': 'Your earlier reminder is still waiting for ✅ or ✖️ above.',
  'broadcast.left': 'Broadcast cancelled; nothing was sent.',
  'broadcast.pending': 'Your broadcast is still waiting for the buttons above (or /cancel).',
  'broadcast.composePending': 'Send the notice text, a photo or a file, or /cancel.',
  'schedule.left': 'Deadline notice cancelled; nothing was saved.',
  'schedule.pending': 'Your deadline notice is still waiting at the step above (or /cancel).',
  'tickets.action.undelivered': 'not delivered',
  'reply.preview.reply':
    '👁 <b>Preview</b> — reply to <b>#{code}</b> (not sent yet):\n<blockquote>{text}</blockquote>',
  'reply.preview.ask':
    '👁 <b>Preview</b> — question about <b>#{code}</b> (not sent yet):\n<blockquote>{text}</blockquote>',
  'reply.preview.resolve':
    '👁 <b>Preview</b> — resolution note for <b>#{code}</b> (not sent yet):\n<blockquote>{text}</blockquote>',
  'reply.preview.reject':
    '👁 <b>Preview</b> — reason for declining <b>#{code}</b> (not sent yet):\n<blockquote>{text}</blockquote>',
  'reply.btn.send': '📨 Send',
  'reply.btn.edit': '✏️ Edit',
  'reply.btn.cancel': '✖️ Cancel',
  'reply.left': 'Reply to #{code} cancelled; nothing was sent to the filer.',
  'reply.pending':
    'Your reply to #{code} is still waiting: tap 📨 Send or ✏️ Edit above (or /cancel).',
  'reply.inputPending':
    'Type the text for #{code}; you will see a preview before it is sent. /cancel to stop.',
  'reply.expired': 'Your reply to #{code} expired and was not sent.',
  'reply.stale': 'This preview is no longer valid; nothing was sent.',
  'reply.erased':
    'Not delivered to the filer of #{code}: they erased their data (/forgetme). Recorded as not delivered.',
  'reply.blocked':
    'Not delivered to the filer of #{code}: they have blocked the bot. Recorded as not delivered.',
  'reply.failed':
    'Not delivered to the filer of #{code} (Telegram refused it). Recorded as not delivered; try again later.',
  'draft.offer': 'You have a draft you did not finish. Continue it or start a new one?',
  'draft.resume': '▶️ Continue the draft',
  'draft.fresh': '🆕 Start over',
  'draft.discarded': 'The old draft was discarded.',
  'draft.resumed': 'Continuing your draft:',
  'filing.suspended':
    '📝 Your unfinished {type} is kept as a draft. Type /{command} to continue it.',
  'filing.pending':
    '📝 Your {type} is still waiting at the step above: tap a button (or /cancel to discard it).',
  'filing.cancelled': 'Your {type} was discarded; nothing was sent.',
  'filing.partJoined': 'Joined the next part to your description ({length} characters).',
  'filing.fileWithoutText':
    'File received. Please also <b>describe</b> the problem in words (a photo caption works too).',
  'filing.parkNamed': 'Park noted: {park}.',
  'evidence.header': '📎 Files of <b>#{code}</b>:',
  'thread.added': '➕ Added to <b>#{code}</b>; the officers have been told.',
  'thread.which':
    'Several of your tickets are waiting for your answer. Which one is this message for?',
  'thread.pickPending': 'Choose a ticket above for your message (or /cancel).',
  'thread.pickLeft': 'Your earlier message was not added to any ticket.',
  'thread.infoLeft': 'Stopped adding information to #{code}; nothing was added.',
  'thread.infoPending': 'Send the text or file to add to #{code} (or /cancel).',
  'thread.edited': '✏️ Your edit was added to <b>#{code}</b>; the officers have been told.',
  'thread.editedNote': '(edited) {text}',
  'thread.noticeEdited': '✏️ The filer edited a message in <b>#{code}</b>:\n{text}',
  'thread.title': '<b>#{code}</b> · {category} · {status}',
  'thread.you': '🙋 You ({at}):',
  'thread.officer': '💬 Officer’s reply ({at}):',
  'thread.officerAsks': '❓ The officer asks ({at}):',
  'thread.statusLine': '📌 {status} ({at})',
  'thread.files': '📎 {count} attachment(s) — tap “Files” to get them back.',
  'thread.btn.view': '🔎 #{code}',
  'thread.btn.files': '📎 Files',
  'thread.btn.rate': '⭐ Rate',
  'thread.waiting':
    '⏳ The officer is waiting for your answer: just type it and I will add it to this ticket.',
  'mine.pick': 'Tap a code to read the whole conversation.',
  'start.officerGreeting':
    'Hello, officer <b>{name}</b>! This is the officers’ view: tickets, replies, notices and figures. Type /help for the officer commands.',
  'role.officer': 'You are a Board officer, so you do not choose a worker or enterprise role.',
  'menu.officerOpen': '📋 Open tickets',
  'menu.officerOverdue': '⏰ Overdue tickets',
  'park.ask': 'Which <b>industrial park</b> do you work in? I will send you that park’s notices.',
  'park.askOther': '✏️ Another park (type its name)',
  'park.change': '🏭 Choose your park',
  'park.mine': 'Your park: <b>{park}</b>.',
  'park.mineOther':
    'Your park: <b>{park}</b> (typed by you; it is not on the Board’s list, so it has no notice channel of its own).',
  'park.otherSaved':
    'Saved your park: <b>{park}</b>. It is not on the Board’s list, so it has no notice channel of its own: you still get general notices and those for your role. Change it with /subscribe or /role.',
  'park.otherDropped': 'Notices of the park you chose before are now off.',
  'park.otherPending':
    'I am waiting for you to type the name of your industrial park (or press Skip).',
  'park.otherLeft': 'Skipped typing your park’s name.',
  'park.askSkip': '⏭ Skip',
  'park.saved':
    '🔔 You will receive the notices of <b>{park}</b>. Change it any time with /subscribe or /role.',
  'park.skipped': 'Fine. You can choose a park later with /subscribe or /role.',
  'role.switched':
    'Notices for your old role moved to the new one; your tickets stay in /mytickets.',
  'error.unhandledButton': 'This button no longer works. Type /start to open the menu again.',
  'draft.replaced': '(It replaces the older draft you had kept.)',
  'thread.draftEdited': '✏️ Your draft now has the edited description.',
};
