import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { errorMessage } from '../errors.ts';

/** The two languages park names are written in. */
type Lang = 'vi' | 'en';

export const parksFileSchema = z.object({
  parks: z
    .array(
      z.object({
        // Goes into callback data (≤64 bytes with its prefix), hence the length cap.
        id: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and "-"'),
        name: z.object({ vi: z.string().trim().min(1), en: z.string().trim().min(1) }),
      }),
    )
    .nullable()
    .transform((parks) => parks ?? [])
    .refine((parks) => new Set(parks.map((p) => p.id)).size === parks.length, 'ids must be unique'),
});
export type Park = z.infer<typeof parksFileSchema>['parks'][number];

/** A bad parks file: names the file and the field, so an operator can fix it before start-up. */
export class ParksFileError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'ParksFileError';
  }
}

/** The operator-edited list of industrial parks; "Other / not sure" is added by the bot. */
export interface ParkDirectory {
  list(): Park[];
  /** The park's name in `lang`; an id no longer in the file is shown as is. */
  name(id: string | null, lang: Lang, other: string): string;
  /** Re-reads the file; throws ParksFileError and keeps the old list when it is bad. */
  reload(): void;
}

function readParks(file: string): Park[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ParksFileError(file, errorMessage(error));
  }
  const parsed = parksFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data.parks;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || 'parks';
  throw new ParksFileError(file, `field "${field}": ${issue?.message ?? 'invalid'}`);
}

/** Loads and validates the parks file at start (a bad file stops start-up). */
export function loadParks(file: string): ParkDirectory {
  let parks = readParks(file);
  return {
    list: () => parks,
    name(id, lang, other) {
      if (id === null) return other;
      return parks.find((park) => park.id === id)?.name[lang] ?? id;
    },
    reload() {
      parks = readParks(file);
    },
  };
}
