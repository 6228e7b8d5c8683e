import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ticketCategorySchema } from '../../../store/tickets/index.ts';

const ruleSchema = z
  .object({
    category: ticketCategorySchema.optional(),
    park: z.string().min(1).optional(),
    officers: z.array(z.number().int()).min(1),
  })
  .strict()
  .refine((rule) => rule.category !== undefined || rule.park !== undefined, {
    message: 'a rule needs a category or a park',
  });
export type RoutingRule = z.infer<typeof ruleSchema>;

const fileSchema = z.object({ rules: z.array(ruleSchema).default([]) }).strict();

/** Raised for a routing file that cannot be trusted: the bot stops rather than guess. */
export class RoutingFileError extends Error {
  constructor(file: string, problem: string) {
    super(
      `${file}: ${problem}. Fix the routing rules (see the comments in the file) and start again.`,
    );
    this.name = 'RoutingFileError';
  }
}

/** Reads the optional routing rules; a missing file means no automatic assignment. */
export function loadRouting(file: string, officerIds: readonly number[]): RoutingRule[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = parse(raw) ?? {};
  } catch (error) {
    throw new RoutingFileError(file, `not valid YAML (${(error as Error).message})`);
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RoutingFileError(
      file,
      `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  for (const rule of result.data.rules) {
    const stranger = rule.officers.find((id) => !officerIds.includes(id));
    if (stranger !== undefined) {
      throw new RoutingFileError(file, `officer ${stranger} is not in OFFICER_IDS`);
    }
  }
  return result.data.rules;
}

/**
 * The officer a new ticket goes to: the first rule matching its category or park, then the
 * officer of that rule with the fewest open tickets (the first listed on a tie). No Telegram.
 */
export function routeTicket(
  rules: readonly RoutingRule[],
  ticket: { category: string; parkId: string | null },
  openCount: (officerId: number) => number,
): number | null {
  const rule = rules.find(
    (candidate) =>
      (candidate.category === undefined || candidate.category === ticket.category) &&
      (candidate.park === undefined || candidate.park === ticket.parkId),
  );
  if (!rule) return null;
  let best: number | null = null;
  for (const officer of rule.officers) {
    if (best === null || openCount(officer) < openCount(best)) best = officer;
  }
  return best;
}
