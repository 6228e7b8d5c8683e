import { beforeEach, describe, expect, it } from 'vitest';
import type { NewTicket } from '../../../src/store/tickets/index.ts';
import { BACKENDS } from './backends.ts';

const FILER = { userId: 4242, chatId: 4242, name: 'Nguyễn Văn Secret', username: 'secret_user' };
const input = (overrides: Partial<NewTicket> = {}): NewTicket => ({
  type: 'complaint',
  category: 'wages',
  parkId: 'tien-son',
  company: 'Công ty Bí Mật',
  description: 'Lương trả chậm, số điện thoại tôi 0912345678',
  attachments: [{ kind: 'photo', fileId: 'photo-secret-1' }],
  anonymous: false,
  filer: FILER,
  ...overrides,
});

describe.each(BACKENDS)('ticket retention on $name', (backend) => {
  const storage = backend.use();
  let clock: Date;
  beforeEach(() => {
    clock = new Date('2024-01-10T02:00:00Z');
  });
  const openTickets = () => storage.openTickets(() => clock);

  it('erases personal data of tickets closed before the limit, keeps their figures and the open ones', async () => {
    const tickets = await openTickets();
    const old = await tickets.create(input());
    await tickets.respond(old.code, 900, 'reply', 'Chúng tôi đã liên hệ công ty');
    await tickets.transition(old.code, 'resolved', 900);
    await tickets.rate(old.code, 4);
    await tickets.transition(old.code, 'closed', 'filer');
    clock = new Date('2026-03-01T02:00:00Z');
    const open = await tickets.create(input({ description: 'Còn mở', attachments: [] }));

    const erased = await tickets.eraseClosedBefore(new Date('2024-03-01T00:00:00Z'));
    expect(erased).toEqual([old.code]);
    expect(tickets.get(old.code)).toMatchObject({
      category: 'wages',
      parkId: 'tien-son',
      status: 'closed',
      rating: 4,
      anonymous: true,
      description: '',
      attachments: [],
      filer: { userId: 0, chatId: 0, name: '' },
    });
    expect(tickets.byFiler(FILER.userId).map((t) => t.code)).toEqual([open.code]);

    await tickets.flush();
    const reopened = await openTickets();
    expect(reopened.get(old.code)?.firstResponseAt).not.toBeNull();
    const onDisk = await storage.ticketsAtRest();
    expect(onDisk).not.toContain('0912345678');
    expect(onDisk).not.toContain('photo-secret-1');
    expect(onDisk).not.toContain('Chúng tôi đã liên hệ');
    expect(onDisk).toContain('Còn mở');
  });

  it('erases every ticket of a filer who asks to be forgotten', async () => {
    const tickets = await openTickets();
    await tickets.create(input());
    await tickets.create(input({ type: 'request', category: 'land' }));
    await tickets.create(input({ filer: { ...FILER, userId: 7, chatId: 7, name: 'Other' } }));
    expect(await tickets.eraseFiler(FILER.userId)).toHaveLength(2);
    await tickets.flush();
    const onDisk = await storage.ticketsAtRest();
    expect(onDisk).not.toContain('Nguyễn Văn Secret');
    expect(onDisk).toContain('Other');
  });
});
