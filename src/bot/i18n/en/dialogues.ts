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
};
