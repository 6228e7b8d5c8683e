import { describe, expect, it } from 'vitest';
import type { Relay } from '../../../src/store/index.ts';
import { BACKENDS } from './backends.ts';

const relay = (id: string, dueAt: string): Relay => ({
  id,
  code: 'KN-0001',
  officerId: 900,
  kind: 'text',
  text: 'Chúng tôi đang xử lý',
  fromChatId: -100,
  messageId: 5,
  noticeChatId: -100,
  dueAt,
  state: 'pending',
});

describe.each(BACKENDS)('feedback and desk on $name', (backend) => {
  const storage = backend.use();

  it('groups unanswered questions and ranks disliked entries, one vote per voter, after a restart', async () => {
    const store = await storage.open();
    await store.feedback.recordUnanswered({
      text: 'Luong  toi thieu?',
      lang: 'vi',
      at: '2025-01-01',
    });
    await store.feedback.recordUnanswered({
      text: 'luong toi thieu?',
      lang: 'vi',
      at: '2025-01-02',
    });
    await store.feedback.recordUnanswered({ text: 'Visa?', lang: 'en', at: '2025-01-03' });
    await store.feedback.recordVote({ entryId: 'a', vote: 'down', at: '1', voter: 'v1' });
    await store.feedback.recordVote({ entryId: 'a', vote: 'up', at: '2', voter: 'v1' });
    await store.feedback.recordVote({ entryId: 'b', vote: 'down', at: '3', voter: 'v1' });
    await store.feedback.recordVote({ entryId: 'b', vote: 'down', at: '4', voter: 'v2' });
    await store.feedback.recordVote({ entryId: 'a', vote: 'down', at: '5' });
    await store.flush();
    const reopened = await storage.open();
    expect(reopened.feedback.unanswered(10)).toEqual([
      { text: 'Visa?', lang: 'en', count: 1, lastAt: '2025-01-03' },
      { text: 'luong toi thieu?', lang: 'vi', count: 2, lastAt: '2025-01-02' },
    ]);
    expect(reopened.feedback.unansweredTimes()).toEqual(['2025-01-01', '2025-01-02', '2025-01-03']);
    expect(reopened.feedback.disliked(10)).toEqual([
      { entryId: 'b', up: 0, down: 2 },
      { entryId: 'a', up: 1, down: 1 },
    ]);
  });

  it('keeps topics, marks and drafts, and settles a relay once', async () => {
    const store = await storage.open();
    await store.desk.setTopic('KN-0001', { threadId: 77, name: 'KN-0001 wages', closed: false });
    await store.desk.addRelay(relay('0000000a', '2025-01-01T00:00:10.000Z'));
    await store.desk.addRelay(relay('0000000b', '2025-01-01T00:00:05.000Z'));
    await store.desk.addMark('KN-0001', 'response:near');
    await store.desk.addMark('KN-0001', 'response:near');
    await store.desk.saveDraft({
      id: '000000d1',
      officerId: 900,
      questions: ['Nghỉ phép bao nhiêu ngày?'],
      state: 'writing',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    const due = store.desk.due(new Date('2025-01-01T00:00:30Z')).map((r) => r.id);
    expect(due).toEqual(['0000000b', '0000000a']);
    const [first, second] = await Promise.all([
      store.desk.settle('0000000a', 'pending', 'sent', 41),
      store.desk.settle('0000000a', 'pending', 'undone'),
    ]);
    expect([first, second]).toEqual([true, false]);
    await store.desk.setNotice('0000000b', 42);
    await store.flush();

    const reopened = await storage.open();
    expect(reopened.desk.codeOfThread(77)).toBe('KN-0001');
    expect(reopened.desk.topicOf('KN-0001')).toEqual({
      threadId: 77,
      name: 'KN-0001 wages',
      closed: false,
    });
    expect(reopened.desk.relay('0000000a')).toMatchObject({ state: 'sent', noticeMessageId: 41 });
    expect(reopened.desk.relay('0000000b')).toMatchObject({
      state: 'pending',
      noticeMessageId: 42,
    });
    expect(reopened.desk.due(new Date('2025-01-01T00:00:30Z')).map((r) => r.id)).toEqual([
      '0000000b',
    ]);
    expect(reopened.desk.marks('KN-0001')).toEqual(['response:near']);
    expect(reopened.desk.draft('000000d1')?.questions).toEqual(['Nghỉ phép bao nhiêu ngày?']);
  });

  it('does not store a session that holds nothing, and forgets a user', async () => {
    const store = await storage.open({
      sessionIsIdle: (session) => session.dialogue.kind === 'idle',
    });
    await store.users.touch({ id: 5, first_name: 'Hoa' });
    await store.sessions.set('5:5', { dialogue: { kind: 'idle' } });
    await store.users.remove(5);
    const reopened = await storage.open();
    expect(reopened.sessions.get('5:5')).toBeUndefined();
    expect(reopened.users.get(5)).toBeUndefined();
    expect(reopened.users.all()).toEqual([]);
  });
});
