import { core } from './core.ts';
import { dashboard } from './dashboard.ts';
import { desk } from './desk.ts';
import { dialogues } from './dialogues.ts';
import { knowledge } from './knowledge.ts';
import { language } from './language.ts';
import { notices } from './notices.ts';
import { privacy } from './privacy.ts';
import { tickets } from './tickets.ts';

/** The English catalogue, fragment for fragment the same keys as the Vietnamese one. */
export const en = {
  ...core,
  ...language,
  ...knowledge,
  ...privacy,
  ...notices,
  ...tickets,
  ...dialogues,
  ...dashboard,
  ...desk,
};
