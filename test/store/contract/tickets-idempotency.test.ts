import { describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../../src/delivery/outboxWorker.ts';
import { type TicketNoticeRef, ticketNoticeQueue } from '../../../src/delivery/ticketNotices.ts';
import type { NewTicket } from '../../../src/store/tickets/index.ts';
import { BACKENDS } from './backends.ts';

const FILER = { userId: 4242, chatId: 4242, name: 'Nguyễn Văn Secret', username: 'secret_user' };
const input = (overrides: Partial<NewTicket> = {}): NewTicket => ({
  type: 'complaint',
  category: 'wages',
  parkId: null,
  company: null,
  description: 'Lương trả chậm',
  attachments: [],
  anonymous: true,
  filer: FILER,
  ...overrides,
});

const now = () => new Date('2025-03-03T02:00:00Z');

describe.each(BACKENDS)('tickets on $name', (backend) => {
  const storage = backend.use();

  describe('idempotency keys', () => {
    it('files one ticket per submission id, also when the same draft is sent concurrently', async () => {
      const tickets = await storage.openTickets(now);
      const [a, b] = await Promise.all([
        tickets.create(input(), { submissionId: 'draft-1' }),
        tickets.create(input(), { submissionId: 'draft-1' }),
      ]);
      const c = await tickets.create(input(), { submissionId: 'draft-1' });
      expect(new Set([a.code, b.code, c.code])).toEqual(new Set(['KN-0001']));
      const reopened = await storage.openTickets(now);
      expect(reopened.findSubmission('draft-1')?.code).toBe('KN-0001');
      expect((await reopened.create(input(), { submissionId: 'draft-1' })).code).toBe('KN-0001');
      expect(reopened.list()).toHaveLength(1);
    });

    it('makes a keyed reply, status change or take once, whatever the repeats', async () => {
      const tickets = await storage.openTickets(now);
      const { code } = await tickets.create(input());
      const filer = [{ event: 'reply' as const, to: ['filer' as const], note: 'x' }];
      for (let i = 0; i < 3; i += 1) {
        await tickets.take(code, 7, { key: 'u1' });
        await tickets.respond(code, 7, 'reply', 'checking', { key: 'u2', notify: filer });
        await tickets.transition(code, 'resolved', 7, 'paid', { key: 'u3' });
      }
      const ticket = (await storage.openTickets(now)).get(code);
      expect(ticket?.history.map((entry) => entry.action)).toEqual([
        'created',
        'take',
        'reply',
        'status',
      ]);
      expect(ticket?.notices).toHaveLength(1);
    });
  });

  describe('notices written with their change', () => {
    it('keeps a pending notice on disk in the same write, resumed after a restart', async () => {
      const tickets = await storage.openTickets(now);
      const { code } = await tickets.create(input(), {
        notify: [{ event: 'new', to: [900, 901] }],
      });
      const reopened = await storage.openTickets(now);
      expect(reopened.pendingNotices()).toEqual([
        { code, notice: expect.objectContaining({ event: 'new', to: [900, 901], marks: '..' }) },
      ]);
    });

    it('are sent by the outbox worker, marked, removed; a failed send is retried', async () => {
      const tickets = await storage.openTickets(now);
      const { code } = await tickets.create(input(), { notify: [{ event: 'new', to: [900] }] });
      await tickets.respond(code, 7, 'reply', 'hello', {
        key: 'u9',
        notify: [{ event: 'reply', to: ['filer'], note: 'hello' }],
      });
      const sent: [number, TicketNoticeRef][] = [];
      let failOnce = true;
      const worker = new OutboxWorker<TicketNoticeRef>({
        outbox: ticketNoticeQueue(tickets),
        ratePerSecond: 1000,
        perChatIntervalMs: 0,
        retryDelayMs: () => 1,
        send: async (chatId, ref) => {
          if (chatId === 900 && failOnce) {
            failOnce = false;
            return { ok: false, kind: 'failed', retryable: true, description: '502' };
          }
          sent.push([chatId, ref]);
          return { ok: true };
        },
      });
      worker.start();
      const until = Date.now() + 3000;
      while (tickets.pendingNotices().length > 0 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await worker.stop();
      expect(sent.map(([chatId]) => chatId).sort((a, b) => a - b)).toEqual([900, FILER.chatId]);
      expect((await storage.openTickets(now)).pendingNotices()).toEqual([]);
    });
  });

  describe('anonymous tickets at rest', () => {
    it('keep no name, username or user id with the ticket; the reply chat lives apart', async () => {
      const tickets = await storage.openTickets(now);
      const { code } = await tickets.create(input());
      await tickets.flush();
      const text = await storage.ticketsAtRest();
      expect(text).not.toContain(FILER.name);
      expect(text).not.toContain(FILER.username);
      expect(text).not.toContain(String(FILER.userId));
      expect(await storage.contactsAtRest()).toContain(String(FILER.chatId));
      expect(await storage.contactsAtRest()).not.toContain(FILER.name);
      expect(tickets.replyChat(code)).toBe(FILER.chatId);
      expect(tickets.byFiler(FILER.userId).map((t) => t.code)).toEqual([code]);
      expect(tickets.countFiledSince(FILER.userId, new Date(0))).toBe(1);
      await tickets.eraseFiler(FILER.userId);
      expect(tickets.replyChat(code)).toBeUndefined();
      expect(await storage.contactsAtRest()).not.toContain(String(FILER.chatId));
    });
  });
});
