/**
 * The message of anything thrown, for an operator-facing problem list or a start-up failure.
 * Logs take the error itself as `err`: the logger's one redaction path (safeError in
 * src/logger.ts) keeps what a log may hold.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
