import { core } from './core.ts';
import { dashboard } from './dashboard.ts';
import { desk } from './desk.ts';
import { dialogues } from './dialogues.ts';
import { knowledge } from './knowledge.ts';
import { language } from './language.ts';
import { notices } from './notices.ts';
import { privacy } from './privacy.ts';
import { tickets } from './tickets.ts';

/**
 * The Vietnamese catalogue, one fragment per feature. Messages are HTML; `{name}` placeholders
 * are filled with escaped values by `translator`, so user text can never inject markup.
 */
export const vi = {
  ...core,
  ...language,
  ...knowledge,
  ...privacy,
  ...notices,
  ...tickets,
  ...dialogues,
  ...dashboard,
  ...desk,
} as const;
