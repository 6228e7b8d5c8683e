import { pino } from 'pino';
import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/bot/context.ts';
import { features } from '../../src/bot/features/index.ts';
import { translator } from '../../src/bot/i18n/index.ts';
import { sessionMiddleware, updateLogger } from '../../src/bot/middleware.ts';
import { sessionIsIdle, sessionSchema } from '../../src/bot/session.ts';
import type { Session } from '../../src/bot/sessionTypes.ts';
import type { SessionRepository } from '../../src/store/index.ts';
import { BotHarness } from '../support/botHarness.ts';

const t = translator('vi');

const worker: User = { id: 611, is_bot: false, first_name: 'Mai', language_code: 'vi' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
  await harness.send(worker, '/start');
  await harness.pressButton(worker, t('role.worker'));
});
afterEach(() => harness.close());

describe('session', () => {
  it('handles a user’s updates one at a time, so a quick tap sees the step before it', async () => {
    await Promise.all([harness.send(worker, '/complaint'), harness.press(worker, 'tn:cat:wages')]);
    const dialogue = harness.store.sessions.get(`${worker.id}:${worker.id}`)?.dialogue;
    expect(dialogue).toMatchObject({ kind: 'ticket_filing' });
    expect(JSON.stringify(dialogue)).toContain('wages');
  });

  it('keeps a half-finished dialogue across a restart of the store', async () => {
    await harness.send(worker, '/complaint');
    await harness.pressButton(worker, t('tickets.cat.safety'));
    await harness.store.flush();
    const restarted = await BotHarness.create({ dataDir: harness.dataDir });
    const calls = await restarted.send(worker, '/cancel');
    expect(BotHarness.texts(calls)[0]).toContain('Đã huỷ');
    await restarted.close();
  });
});

describe('session middleware', () => {
  const saved = new Map<string, Session>();
  const sessions: SessionRepository<Session> = {
    get: (key) => saved.get(key),
    set: async (key, session) => void saved.set(key, session),
    delete: async (key) => void saved.delete(key),
  };
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  const contextOf = (userId: number) => {
    const ctx = { chat: { id: userId }, from: { id: userId }, log } as Partial<BotContext>;
    return ctx as BotContext;
  };
  const run = sessionMiddleware(sessions);

  it('writes what the handler changed once it returns', async () => {
    const ctx = contextOf(1);
    await run(ctx, async () => {
      ctx.session.dialogue = { kind: 'broadcastCompose' };
    });
    expect(saved.get('1:1')?.dialogue).toEqual({ kind: 'broadcastCompose' });
  });

  it('drops the unsaved change of a handler that throws, keeping what it saved before', async () => {
    const ctx = contextOf(2);
    const failing = run(ctx, async () => {
      ctx.session.dialogue = { kind: 'broadcastCompose' };
      await ctx.saveSession();
      ctx.session.dialogue = { kind: 'scheduleSegments', segments: [] };
      throw new Error('Telegram said no');
    });
    await expect(failing).rejects.toThrow('Telegram said no');
    expect(saved.get('2:2')?.dialogue).toEqual({ kind: 'broadcastCompose' });
    // The next update of that user is not held up by the failed one.
    const next = contextOf(2);
    await run(next, async () => {
      expect(next.session.dialogue).toEqual({ kind: 'broadcastCompose' });
    });
  });

  it('gives each update a logger that carries its update_id', async () => {
    const ctx = { update: { update_id: 4711 } } as Partial<BotContext> as BotContext;
    await updateLogger(log)(ctx, async () => ctx.log.info('handled'));
    expect(lines.at(-1)).toMatchObject({ update_id: 4711, msg: 'handled' });
  });
});

describe('session schema', () => {
  it('is the union of the listed features’ dialogue steps, and nothing else', () => {
    const kinds = features
      .flatMap((feature) => feature.dialogues ?? [])
      .map((s) => s.shape.kind.value);
    expect(kinds).toEqual(expect.arrayContaining(['ticket_filing', 'broadcastCompose']));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(sessionSchema.safeParse({ dialogue: { kind: 'idle' } }).success).toBe(true);
    expect(sessionSchema.safeParse({ dialogue: { kind: 'broadcastCompose' } }).success).toBe(true);
    expect(sessionSchema.safeParse({ dialogue: { kind: 'jobPosting' } }).success).toBe(false);
  });
});

describe('sessions dropped as idle', () => {
  it('are only those with no open step and nothing kept: a draft put aside survives a restart', async () => {
    await harness.send(worker, '/complaint');
    await harness.pressButton(worker, t('tickets.cat.wages'));
    await harness.send(worker, '/help');
    harness = await harness.restart();
    const offer = await harness.send(worker, '/complaint');
    expect(BotHarness.texts(offer, worker.id)).toContain(t('draft.offer'));
    expect(sessionIsIdle({ dialogue: { kind: 'idle' }, suspended: [], updatedAt: 'x' })).toBe(true);
    for (const kept of [
      { threadMessages: { '7': 'KN-0001' } },
      { park: { name: 'KCN mới' } },
      { answeredAlbum: 'al-1' },
    ]) {
      expect(sessionIsIdle({ dialogue: { kind: 'idle' }, ...kept })).toBe(false);
    }
  });

  it('read an older single kept step as a list of one', () => {
    const older = { dialogue: { kind: 'idle' }, suspended: { kind: 'parkOther' } };
    expect(sessionSchema.parse(older).suspended).toEqual([{ kind: 'parkOther' }]);
  });
});
