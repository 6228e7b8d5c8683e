import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Contact, ValidationProblem } from './loader.ts';

/** The report counts 16 concentrated industrial parks in Bắc Ninh; a release must list them all. */
export const REPORTED_PARK_COUNT = 16;

/**
 * What still stops a deployment even though every file is valid: the operator has not filled a
 * single way to reach the Board, or the park list is shorter than the report's count. The bot runs
 * without them (console, tests); a release must not, because /contact and the park question would
 * send real users nowhere.
 */
export async function releaseProblems(
  contacts: readonly Contact[],
  parksFile: string,
  contactsFile: string,
): Promise<ValidationProblem[]> {
  const problems: ValidationProblem[] = [];
  const filled = contacts.some(
    (contact) =>
      contact.phone !== null ||
      contact.email !== null ||
      contact.address !== null ||
      contact.website !== null,
  );
  if (!filled) {
    problems.push({
      file: contactsFile,
      field: 'contacts',
      message: 'no contact has a phone, e-mail, address or website filled in yet',
    });
  }
  const parks = await countParks(parksFile);
  if (typeof parks === 'string') {
    problems.push({ file: parksFile, field: 'parks', message: parks });
  } else if (parks < REPORTED_PARK_COUNT) {
    problems.push({
      file: parksFile,
      field: 'parks',
      message: `${parks} of the ${REPORTED_PARK_COUNT} industrial parks are listed`,
    });
  }
  return problems;
}

/** Number of parks in the file, or why it could not be read. */
async function countParks(file: string): Promise<number | string> {
  let raw: unknown;
  try {
    raw = parse(await readFile(file, 'utf8'));
  } catch (error) {
    return `cannot be read: ${(error as Error).message}`;
  }
  const parks = (raw as { parks?: unknown } | null)?.parks;
  if (parks === null || parks === undefined) return 0;
  return Array.isArray(parks) ? parks.length : 'must be a list';
}
