import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultKnowledgePaths, LiveKnowledge } from '../../../src/knowledge/live.ts';
import { BotHarness } from '../../support/botHarness.ts';
import { type DashboardServer, startDashboard } from '../../support/dashboard.ts';

let bot: BotHarness;
let web: DashboardServer;
beforeAll(async () => {
  bot = await BotHarness.create();
  // Read-only here: nothing in this file saves Setup or knowledge.
  web = await startDashboard(bot, {
    knowledge: await LiveKnowledge.load(defaultKnowledgePaths()),
    knowledgePaths: defaultKnowledgePaths(),
  });
});
afterAll(async () => {
  await web.close();
  await bot.close();
});

describe('the Mini App page', () => {
  it('loads telegram-web-app.js from Telegram and everything else from the bot', async () => {
    const response = await fetch(`${web.url}/app`);
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toEqual(['https://telegram.org/js/telegram-web-app.js', '/app/app.js']);
    expect(html).not.toMatch(/https?:\/\/(?!telegram\.org\/js\/telegram-web-app\.js)/);
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('ships under 150 KB of JavaScript gzipped for the first view', async () => {
    const response = await fetch(`${web.url}/app/app.js`);
    expect(response.status).toBe(200);
    const script = Buffer.from(await response.arrayBuffer());
    expect(script.length).toBeGreaterThan(1000);
    expect(gzipSync(script).length).toBeLessThan(150 * 1024);
    expect(script.toString('utf8')).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
