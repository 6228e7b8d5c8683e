import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveKnowledge } from '../../../src/knowledge/live.ts';
import {
  errorResponseSchema,
  kbDraftResponseSchema,
  kbEntryResponseSchema,
  kbListResponseSchema,
} from '../../../src/web/dashboard/schemas.ts';
import { BotHarness, OFFICER, TEST_TOKEN } from '../../support/botHarness.ts';
import {
  type DashboardServer,
  initDataFor,
  scratchKnowledge,
  startDashboard,
} from '../../support/dashboard.ts';

/**
 * The second-officer rule of the knowledge base, in the dashboard, on its own: a bot and a
 * dashboard per test (not per file), so `npm run mutate` sees which test reaches the check. The
 * author of a draft can neither approve nor reject it, and is told why; another officer can.
 */
const SECOND_OFFICER = { id: 902, first_name: 'Minh' };

let bot: BotHarness;
let web: DashboardServer;
let knowledgeDir: string;
let knowledge: LiveKnowledge;

beforeEach(async () => {
  const scratch = await scratchKnowledge();
  const { knowledgePaths } = scratch;
  ({ knowledge } = scratch);
  knowledgeDir = knowledgePaths.knowledgeDir;
  bot = await BotHarness.create({
    knowledge,
    env: { OFFICER_IDS: `${OFFICER.id},${SECOND_OFFICER.id}` },
  });
  web = await startDashboard(bot, { knowledge, knowledgePaths });
});
afterEach(async () => {
  await web.close();
  await bot.close();
});

/** The author's draft of a changed English answer to the one-stop desk entry. */
async function draftByAuthor(author: string) {
  const { topic, entry } = kbEntryResponseSchema.parse(
    (await web.call('/kb/entries/one-stop-desk', author)).body,
  );
  const answer = entry.answer as { vi: string; en: string };
  const changed = { ...entry, answer: { ...answer, en: `${answer.en} (Checked by the board.)` } };
  const posted = await web.call('/kb/drafts', author, {
    method: 'POST',
    body: { topic, replaces: 'one-stop-desk', entry: changed },
  });
  return { topic, draftId: kbDraftResponseSchema.parse(posted.body).draftId ?? '' };
}

describe('a knowledge draft in the dashboard needs a second officer', () => {
  it('its author can neither approve nor reject it, is told so, and nothing goes live', async () => {
    const author = initDataFor(OFFICER, TEST_TOKEN);
    const { topic, draftId } = await draftByAuthor(author);
    for (const verb of ['approve', 'reject']) {
      const own = await web.call(`/kb/drafts/${draftId}/${verb}`, author, { method: 'POST' });
      expect(own.status).toBe(403);
      expect(errorResponseSchema.parse(own.body).reason).toBe('app.kb.secondOfficer');
    }
    expect(knowledge.current.getEntry('one-stop-desk')?.answer.en).not.toContain('Checked by');
    const file = await readFile(join(knowledgeDir, `${topic}.yaml`), 'utf8');
    expect(file).not.toContain('Checked by');
    const drafts = kbListResponseSchema.parse((await web.call('/kb', author)).body).drafts;
    expect(drafts.map((draft) => draft.id)).toEqual([draftId]);
  });

  it('another officer can reject it', async () => {
    const { draftId } = await draftByAuthor(initDataFor(OFFICER, TEST_TOKEN));
    const second = initDataFor(SECOND_OFFICER, TEST_TOKEN);
    const rejected = await web.call(`/kb/drafts/${draftId}/reject`, second, { method: 'POST' });
    expect(rejected.status).toBe(200);
    expect(kbDraftResponseSchema.parse(rejected.body)).toMatchObject({ live: false });
    expect(kbListResponseSchema.parse((await web.call('/kb', second)).body).drafts).toEqual([]);
  });
});
