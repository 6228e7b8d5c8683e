import { core } from './core.ts';

/**
 * The Vietnamese catalogue, one fragment per feature. Messages are HTML; `{name}` placeholders
 * are filled with escaped values by `translator`, so user text can never inject markup.
 */
export const vi = { ...core } as const;
