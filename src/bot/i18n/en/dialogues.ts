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
};
