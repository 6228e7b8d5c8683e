import { core } from './core.ts';

/** The English catalogue, fragment for fragment the same keys as the Vietnamese one. */
export const en = { ...core };
