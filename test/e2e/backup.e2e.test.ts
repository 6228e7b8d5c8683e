import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { usersSpec } from '../../src/store/users.ts';
import { makeTempDataDir } from '../support/botProcess.ts';
import { fakeApiEnv, startPollingBot } from '../support/e2eBot.ts';
import { FakeBotApi } from '../support/fakeBotApi.ts';
import { readStoredRecord, shardFileOf } from '../support/storeFiles.ts';

let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

function runScript(script: 'backup' | 'restore', env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/ops/${script}.ts`, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('backup and restore', () => {
  it('round-trips the data of a running bot, and refuses to restore under a running bot', async () => {
    const dataDir = await makeTempDataDir();
    const backupDir = await makeTempDataDir();
    api = await FakeBotApi.start();
    const env = fakeApiEnv(api, dataDir, { BACKUP_DIR: backupDir, LOG_LEVEL: 'warn' });
    const fake = api;
    let bot = await startPollingBot(fake, env, 20_000);
    const user = { id: 4242, first_name: 'An', language_code: 'vi' };
    fake.sendText(user, '/lang');
    const chooser = await fake.waitFor(() => fake.lastMessageTo(user.id), {
      what: 'the language chooser',
    });
    fake.pressButton(user, chooser.message, 'lang:en');
    await fake.waitFor(() => fake.textsTo(user.id).some((t) => t.includes('Switched to English')), {
      what: 'the language switch',
    });

    const backup = runScript('backup', env);
    expect(backup.code, backup.output).toBe(0);
    const [name] = await readdir(backupDir);
    expect(name).toMatch(/^kcn-backup-\d{8}-\d{6}$/);

    const refused = runScript('restore', env, [join(backupDir, name ?? '')]);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('Stop it first');
    expect((await bot.stop('SIGTERM')).code).toBe(0);

    // Lose the shard holding the user, as a bad edit or a failing disk would.
    await writeFile(shardFileOf(dataDir, usersSpec, '4242'), '{"version": 1, "data": {}}');
    const restored = runScript('restore', env, [join(backupDir, name ?? '')]);
    expect(restored.code, restored.output).toBe(0);
    expect((await readStoredRecord(dataDir, usersSpec, '4242'))?.lang).toBe('en');

    bot = await startPollingBot(fake, env, 20_000);
    const before = fake.textsTo(user.id).length;
    fake.sendText(user, '/help');
    await fake.waitFor(() => fake.textsTo(user.id).length > before, {
      what: 'a reply after restore',
    });
    expect(fake.textsTo(user.id).at(-1)).toContain('Commands you can use');
    expect((await bot.stop('SIGTERM')).code).toBe(0);
  }, 90_000);

  it('refuses a damaged backup and leaves the data folder alone', async () => {
    const dataDir = await makeTempDataDir();
    const backupDir = await makeTempDataDir();
    const env = { DATA_DIR: dataDir, BACKUP_DIR: backupDir };
    await writeFile(join(dataDir, 'users.json'), '{"version": 1, "data": {}}');
    expect(runScript('backup', env).code).toBe(0);
    const [name = ''] = await readdir(backupDir);
    await writeFile(join(backupDir, name, 'users.json'), '{"version": 1, "data": {"x": 1}}');
    await writeFile(join(dataDir, 'users.json'), '{"version": 1, "data": {"1": "current"}}');
    const result = runScript('restore', env, [join(backupDir, name)]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('manifest');
    expect(await readFile(join(dataDir, 'users.json'), 'utf8')).toContain('current');
  });
});
