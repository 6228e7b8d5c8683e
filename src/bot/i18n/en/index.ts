import { core } from './core.ts';
import { knowledge } from './knowledge.ts';
import { notices } from './notices.ts';
import { privacy } from './privacy.ts';
import { tickets } from './tickets.ts';

/** The English catalogue, fragment for fragment the same keys as the Vietnamese one. */
export const en = { ...core, ...knowledge, ...privacy, ...notices, ...tickets };
