import { describe, expect, it } from 'vitest';
import { BACKENDS } from './backends.ts';

describe.each(BACKENDS)('user and session repositories on $name', (backend) => {
  const storage = backend.use();

  it('remember a profile, its language, role and blocked state across a restart', async () => {
    const store = await storage.open();
    await store.users.touch({ id: 42, first_name: 'Lan', language_code: 'vi' });
    await store.users.setLang(42, 'en');
    await store.users.setRole(42, 'worker');
    await store.users.markInactive(42);
    await store.flush();

    const reopened = await storage.open();
    expect(reopened.users.get(42)).toMatchObject({
      firstName: 'Lan',
      lang: 'en',
      role: 'worker',
      active: false,
      languageCode: 'vi',
    });
  });

  it('reactivates a user who writes again after blocking the bot', async () => {
    const store = await storage.open();
    await store.users.touch({ id: 7, first_name: 'Minh' });
    await store.users.markInactive(7);
    const user = await store.users.touch({ id: 7, first_name: 'Minh' });
    expect(user.active).toBe(true);
  });

  it('keep a session until it is deleted', async () => {
    const store = await storage.open();
    await store.sessions.set('1:1', { dialogue: { kind: 'idle' } });
    const reopened = await storage.open();
    expect(reopened.sessions.get('1:1')).toEqual({ dialogue: { kind: 'idle' } });
    await reopened.sessions.delete('1:1');
    expect(reopened.sessions.get('1:1')).toBeUndefined();
  });
});
