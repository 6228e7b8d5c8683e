import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NewTicket, openTickets } from '../../src/store/tickets/index.ts';

/** Anonymous tickets in the lowdb files; what every backend does is in contract/. */
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

let dir: string;
const now = () => new Date('2025-03-03T02:00:00Z');
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickets-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function filesText(): Promise<string> {
  const shards = join(dir, 'tickets');
  const names = await readdir(shards);
  const texts = await Promise.all(names.map((name) => readFile(join(shards, name), 'utf8')));
  return texts.join('\n');
}

describe('anonymous tickets in the files', () => {
  it('keep the reply chat in a private file, 0600 in a 0700 folder', async () => {
    const tickets = await openTickets(dir, now);
    await tickets.create(input());
    await tickets.flush();
    const contacts = join(dir, 'private', 'anonymous-contacts.json');
    expect((await stat(contacts)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'private'))).mode & 0o777).toBe(0o700);
    expect(await readFile(contacts, 'utf8')).toContain(String(FILER.chatId));
  });

  it('cleans an identity an older version wrote on an anonymous ticket', async () => {
    const shards = join(dir, 'tickets');
    await mkdir(shards, { recursive: true });
    const legacy = {
      code: 'KN-0001',
      seq: 1,
      type: 'complaint',
      category: 'wages',
      parkId: null,
      company: null,
      description: 'x',
      attachments: [],
      anonymous: true,
      filer: FILER,
      status: 'new',
      assignee: null,
      createdAt: now().toISOString(),
      firstResponseAt: null,
      resolvedAt: null,
      closedAt: null,
      rating: null,
      history: [],
    };
    const file = join(shards, 'tickets-0000.json');
    await writeFile(file, JSON.stringify({ version: 1, data: { 'KN-0001': legacy } }));
    await chmod(file, 0o600);
    const tickets = await openTickets(dir, now);
    await tickets.flush();
    expect(await filesText()).not.toContain(FILER.name);
    expect(tickets.replyChat('KN-0001')).toBe(FILER.chatId);
  });
});
