/** What holds a key now: free to act on, done (with what a retry answers from), or in progress. */
export type ActionClaim =
  | { kind: 'claimed' }
  | { kind: 'done'; request: string; memory: unknown }
  | { kind: 'busy'; request: string };

/**
 * Where the keys are kept: a file in DATA_DIR (one process), or a table every instance shares
 * with DATABASE_URL (src/store/pg/dashboardActions.ts), so two instances never act on one key.
 */
export interface ActionKeys {
  claim(id: string, request: string): Promise<ActionClaim>;
  remember(id: string, entry: { at: string; memory: unknown }): Promise<void>;
  release(id: string): Promise<void>;
}
