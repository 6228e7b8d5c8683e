/** "a | b | c" → ["a", "b", "c"] for every group: the phrase tables are written one line a group. */
export function phraseLists(
  spec: Readonly<Record<string, string>>,
): Readonly<Record<string, readonly string[]>> {
  return Object.fromEntries(
    Object.entries(spec).map(([name, phrases]) => [name, phrases.split('|').map((p) => p.trim())]),
  );
}
