/** The message of anything thrown, for a user-facing problem list or a log line. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What may be logged about an error that could carry personal data (a Bot API error holds the
 * request it failed on, texts and chat ids included): its name and the start of its message.
 */
export function safeError(error: unknown): { name: string; message: string } {
  if (!(error instanceof Error)) return { name: 'unknown', message: 'unknown' };
  return { name: error.name, message: error.message.slice(0, 200) };
}
