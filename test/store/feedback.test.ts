import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../src/bot/session.ts';
import { feedbackSpec } from '../../src/store/feedback.ts';
import { openStore } from '../../src/store/index.ts';
import { readStoredRecords } from '../support/storeFiles.ts';

let root: string;
let dataDir: string;
let backupDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'kcn-feedback-'));
  dataDir = join(root, 'data');
  backupDir = join(root, 'backups');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const open = () => openStore({ dataDir, sessionSchema, backupDir });
const at = (minute: number) => `2026-03-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

describe('feedback in its journaled collection', () => {
  it('moves a feedback.json of the sharded layout on the first start, backup kept, order kept', async () => {
    const first = await open();
    await first.users.touch({ id: 1, first_name: 'An' });
    await first.close();
    const old = {
      unanswered: [
        { text: 'Giá vé xe buýt?', lang: 'vi', at: at(1) },
        { text: 'Where is the canteen?', lang: 'en', at: at(2) },
        { text: 'giá vé  xe buýt?', lang: 'vi', at: at(3) },
      ],
      votes: [
        { entryId: 'e1', vote: 'down', at: at(4), voter: 'h1' },
        { entryId: 'e2', vote: 'up', at: at(5), voter: 'h1' },
        { entryId: 'e2', vote: 'down', at: at(6) },
      ],
    };
    await writeFile(join(dataDir, 'feedback.json'), JSON.stringify({ version: 1, data: old }));

    const store = await open();
    expect(store.migration?.files).toEqual(['feedback.json']);
    const [backup] = await readdir(backupDir);
    expect(await readFile(join(backupDir, backup ?? '', 'feedback.json'), 'utf8')).toContain(
      'canteen',
    );
    expect(await readdir(dataDir)).not.toContain('feedback.json');
    expect(store.users.get(1)?.firstName).toBe('An');
    expect(store.feedback.unanswered(10)).toEqual([
      { text: 'giá vé  xe buýt?', lang: 'vi', count: 2, lastAt: at(3) },
      { text: 'Where is the canteen?', lang: 'en', count: 1, lastAt: at(2) },
    ]);
    expect(store.feedback.unansweredTimes()).toEqual([at(1), at(2), at(3)]);
    expect(store.feedback.disliked(5)).toEqual([
      { entryId: 'e1', up: 0, down: 1 },
      { entryId: 'e2', up: 1, down: 1 },
    ]);
    await store.close();
    const again = await open();
    expect(again.migration).toBeNull();
    expect(again.feedback.unansweredTimes()).toEqual([at(1), at(2), at(3)]);
    await again.close();
  });

  it('appends a question or a vote, replaces a voter’s earlier vote, keeps the newest 5,000', async () => {
    const store = await open();
    await store.feedback.recordVote({ entryId: 'e1', vote: 'up', at: at(1), voter: 'h1' });
    await store.feedback.recordVote({ entryId: 'e1', vote: 'down', at: at(2), voter: 'h1' });
    await Promise.all(
      Array.from({ length: 5003 }, (_, i) =>
        store.feedback.recordUnanswered({ text: `q${i}`, lang: 'vi', at: at(i % 60) }),
      ),
    );
    await store.feedback.recordUnanswered({ text: 'newest', lang: 'en', at: at(59) });
    expect(store.feedback.disliked(5)).toEqual([{ entryId: 'e1', up: 0, down: 1 }]);
    expect(store.feedback.unansweredTimes().length).toBeLessThanOrEqual(5001);
    expect(store.feedback.unanswered(1)).toEqual([
      { text: 'newest', lang: 'en', count: 1, lastAt: at(59) },
    ]);
    await store.close();

    const stored = [...(await readStoredRecords(dataDir, feedbackSpec)).values()];
    const questions = stored.filter((record) => record.kind === 'question');
    expect(questions.length).toBeLessThanOrEqual(5001);
    expect(questions.map((q) => q.text)).not.toContain('q0');
    expect(stored.filter((record) => record.kind === 'vote')).toMatchObject([{ vote: 'down' }]);
    const reopened = await open();
    expect(reopened.feedback.unanswered(1)[0]?.text).toBe('newest');
    expect(reopened.feedback.unansweredTimes()).toHaveLength(questions.length);
    await reopened.close();
  });
});
