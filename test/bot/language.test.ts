import type { User } from 'telegraf/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { translator } from '../../src/bot/i18n/index.ts';
import { BotHarness } from '../support/botHarness.ts';

const vi = translator('vi');
const en = translator('en');
const user: User = { id: 612, is_bot: false, first_name: 'Linh', language_code: 'vi' };

let harness: BotHarness;
beforeEach(async () => {
  harness = await BotHarness.create();
});
afterEach(() => harness.close());

describe('/lang', () => {
  it('switches to the chosen language, keeps it after a restart, and clears the chooser', async () => {
    await harness.send(user, '/lang');
    const chosen = await harness.pressButton(user, vi('lang.en'));
    expect(BotHarness.texts(chosen)).toEqual([en('lang.saved')]);
    expect(chosen.map((call) => call.method)).toContain('editMessageReplyMarkup');

    const restarted = await harness.restart();
    harness = restarted;
    const help = BotHarness.texts(await harness.send(user, '/help')).join('\n');
    expect(help).toContain(en('help.title'));
    expect(help).toContain(`/lang — ${en('cmd.lang')}`);
  });

  it('is offered from the menu too', async () => {
    await harness.send(user, '/menu');
    const asked = await harness.pressButton(user, vi('menu.lang'));
    expect(BotHarness.texts(asked)).toEqual([vi('lang.choose')]);
    const back = await harness.pressButton(user, vi('lang.vi'));
    expect(BotHarness.texts(back)).toEqual([vi('lang.saved')]);
  });
});
