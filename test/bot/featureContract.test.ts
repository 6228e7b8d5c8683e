import { Composer } from 'telegraf';
import type { User } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/bot/context.ts';
import type { Feature } from '../../src/bot/features/feature.ts';
import { features } from '../../src/bot/features/index.ts';
import { translator } from '../../src/bot/i18n/index.ts';
import { BotHarness, OFFICER } from '../support/botHarness.ts';

/**
 * A new feature is one entry in the list: the bot picks up its handlers, commands, menu items,
 * services, /forgetme and /reload parts without any change to createBot.
 */

const t = translator('vi');
const user: User = { id: 613, is_bot: false, first_name: 'Nga', language_code: 'vi' };

function jobsFeature(log: string[]): Feature<unknown> {
  return {
    name: 'jobs',
    create: () => {
      const composer = new Composer<BotContext>();
      composer.command('jobs', (ctx) => ctx.reply('Việc làm: chưa có tin mới.'));
      return {
        composer,
        commands: [{ command: 'jobs', description: 'cmd.help', audience: 'everyone' }],
        menu: [{ label: 'menu.help', data: 'jobs:open', audience: 'everyone' }],
        services: [
          {
            name: 'jobs-expiry',
            start: () => void log.push('start'),
            stop: async () => void log.push('stop'),
          },
        ],
        forgetUser: async (userId) => void log.push(`forget ${userId}`),
        onReload: () => [{ file: 'data/jobs.yaml', field: 'jobs', message: 'not a list' }],
      };
    },
  };
}

let harness: BotHarness;
afterEach(() => harness.close());

describe('the feature contract', () => {
  it('mounts a listed feature and wires its commands, menu, services, forgetUser and onReload', async () => {
    const log: string[] = [];
    // Listed just before the fallback, as a real feature would be.
    const list = [...features.slice(0, -1), jobsFeature(log), ...features.slice(-1)];
    harness = await BotHarness.create({ features: list });

    expect(BotHarness.texts(await harness.send(user, '/jobs'))).toEqual([
      'Việc làm: chưa có tin mới.',
    ]);
    const help = BotHarness.texts(await harness.send(user, '/help')).join('\n');
    expect(help).toContain(`/jobs — ${t('cmd.help')}`);
    const menu = await harness.send(user, '/menu');
    expect(BotHarness.buttons(menu).map((button) => button.data)).toContain('jobs:open');

    expect(harness.app.services.map((service) => service.name)).toContain('jobs-expiry');
    for (const service of harness.app.services) if (service.name === 'jobs-expiry') service.start();

    const reload = BotHarness.texts(await harness.send(OFFICER, '/reload')).join('\n');
    expect(reload).toContain('data/jobs.yaml');
    expect(reload).toContain('not a list');

    await harness.send(user, '/forgetme');
    await harness.pressButton(user, t('privacy.yes'));
    expect(log).toEqual(['start', `forget ${user.id}`]);
    await harness.close();
    expect(log.at(-1)).toBe('stop');
    harness = await BotHarness.create();
  });
});
