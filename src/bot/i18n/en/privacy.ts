import type { privacy as vi } from '../vi/privacy.ts';

/** /forgetme: erasing a user's personal data on request. */
export const privacy: { readonly [K in keyof typeof vi]: string } = {
  'privacy.confirm':
    'Do you want me to <b>erase your personal data</b>? I will erase: your profile (name, language, role), your notice subscriptions, your reminders, and your name and chat link in the complaints and requests you filed (their texts are erased too; only anonymous figures stay). This cannot be undone, and officers will no longer be able to answer those tickets to you.',
  'privacy.yes': '🗑 Erase my data',
  'privacy.no': 'Keep it',
  'privacy.done':
    'Your data has been erased ({tickets} tickets anonymised). If you write again, you start as a new user.',
  'privacy.kept': 'Kept as it is; nothing was erased.',
  'cmd.forgetme': 'Erase your personal data',
};
