import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotProcess } from '../support/botProcess.ts';
import { initDataFor } from '../support/dashboard.ts';
import {
  dataDirWithOnePark,
  expectReplyTo,
  fakeApiEnv,
  freePort,
  startPollingBot,
} from '../support/e2eBot.ts';
import { FakeBotApi, type FakeUser } from '../support/fakeBotApi.ts';
import { pressLabel as pressLabelOf } from '../support/filingDriver.ts';

/**
 * The Mini App in a real browser (Debian's chromium, installed by .ci/run) against the real bot
 * process and the loopback Bot API. telegram-web-app.js cannot be fetched here, so the test
 * routes it to a stand-in that provides signed initData; the page itself is the production one.
 */
const OFFICER: FakeUser = { id: 700101, first_name: 'Lan', language_code: 'vi' };
const WORKER: FakeUser = {
  id: 800101,
  first_name: 'Thảo',
  last_name: 'Ẩndanh',
  username: 'thao_secret',
  language_code: 'en',
};
const WAIT = { timeoutMs: 20_000 };
const ARTIFACTS = 'test/artifacts';
const DASHBOARD_URL = 'https://bot.example.test/app';
/** The officers' forum group: each ticket has a topic there, which dashboard actions keep in step. */
const GROUP = -1001000000014;

let fake: FakeBotApi;
let bot: BotProcess;
let browser: BrowserContext;
let dataDir: string;
let profileDir: string;
let webPort = 0;
let code = '';
/** Script errors and console errors of every page; a page that throws fails the test. */
const pageErrors: string[] = [];

async function ticketsOnDisk(): Promise<Record<string, { status: string }>> {
  const dir = join(dataDir, 'tickets');
  const all: Record<string, { status: string }> = {};
  for (const name of await readdir(dir)) {
    Object.assign(all, JSON.parse(await readFile(join(dir, name), 'utf8')).data);
  }
  return all;
}

/** A page whose telegram-web-app.js is the stand-in carrying `initData`. */
async function openApp(initData: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  // Nothing else may leave the machine (routes added later are matched first).
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.route('https://telegram.org/js/telegram-web-app.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `window.Telegram={WebApp:{initData:${JSON.stringify(initData)},initDataUnsafe:{user:{language_code:'vi'}},colorScheme:'light',ready(){},expand(){}}};`,
    }),
  );
  await page.goto(`http://127.0.0.1:${webPort}/app`);
  return page;
}

const pressLabel = (user: FakeUser, label: RegExp) => pressLabelOf(fake, user, label);

const step = (act: () => void, pattern: RegExp) =>
  expectReplyTo(fake, WORKER, act, pattern, WAIT.timeoutMs);

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  fake = await FakeBotApi.start();
  const made = await dataDirWithOnePark();
  dataDir = made.dataDir;
  webPort = await freePort();
  fake.addGroup(GROUP, { title: 'Officers' });
  bot = await startPollingBot(
    fake,
    fakeApiEnv(fake, dataDir, {
      OFFICER_IDS: String(OFFICER.id),
      OFFICER_CHAT_ID: String(GROUP),
      DESK_UNDO_SECONDS: '2',
      PARKS_FILE: made.parksFile,
      WEB_PORT: String(webPort),
      HOST: '127.0.0.1',
      DASHBOARD_URL,
      LOG_LEVEL: 'info',
    }),
  );
  profileDir = await mkdtemp(join(tmpdir(), 'kcn-chromium-'));
  // A fresh profile folder per run (launchPersistentContext passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 360, height: 740 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await fake?.stop();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

describe('officers’ dashboard in a real browser', () => {
  it('gives the officer, and nobody else, a menu button opening /app', async () => {
    const call = await fake.waitForCall(
      (candidate) => candidate.method === 'setChatMenuButton',
      WAIT,
    );
    expect(call.status).toBe(200);
    expect(call.payload).toMatchObject({
      chat_id: OFFICER.id,
      menu_button: { type: 'web_app', web_app: { url: DASHBOARD_URL } },
    });
    expect(fake.calls.filter((c) => c.method === 'setChatMenuButton')).toHaveLength(1);
  });

  it('an anonymous complaint is filed through the bot', async () => {
    await step(() => fake.sendText(WORKER, '/complaint'), /topic/);
    await step(() => pressLabel(WORKER, /^Wages/), /industrial park/);
    await step(() => pressLabel(WORKER, /Que Vo IP/), /company/);
    await step(() => pressLabel(WORKER, /Skip/), /Describe/);
    await step(() => fake.sendText(WORKER, 'Công ty nợ lương tháng 3 của cả tổ'), /photos/);
    await step(() => pressLabel(WORKER, /Done/), /anonymous/);
    await step(() => pressLabel(WORKER, /Anonymous/), /Summary/);
    const filed = await step(() => pressLabel(WORKER, /^📨 Send$/), /Your code/);
    code = /#(KN-\d{4})/.exec(filed)?.[1] ?? '';
    expect(code).toMatch(/^KN-\d{4}$/);
  });

  it('signed in as an officer: queue, ticket, assign, reply with undo, resolve; the store, the filer and the topic follow', async () => {
    const topic = () => fake.topics(GROUP)[0];
    await fake.waitFor(() => topic(), { ...WAIT, what: 'the ticket’s topic' });
    const page = await openApp(initDataFor(OFFICER, fake.token));
    const card = page.locator(`[data-code="${code}"]`);
    await card.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-queue.png`, fullPage: true });
    await card.click();
    await page.getByText('Công ty nợ lương tháng 3 của cả tổ').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-ticket.png`, fullPage: true });
    const notice = (text: string) => page.locator('#action-notice', { hasText: text }).waitFor();

    await page.locator('select[name=assignee]').selectOption(String(OFFICER.id));
    await page.locator('button[data-action=assign]').click();
    await notice('Đã giao phiếu.');
    // Through the bot's own path: the ticket's topic is renamed with its new owner.
    await fake.waitFor(() => topic()?.name.includes('👤'), { ...WAIT, what: 'topic renamed' });

    const before = fake.textsTo(WORKER.id).length;
    await page.locator('textarea[name=text]').fill('Bản nháp sai, đừng gửi');
    await page.locator('button[data-action=reply]').click();
    await page.locator('#undo-reply').click();
    await notice('Chưa gửi: câu trả lời đã được hoàn tác.');
    await page.locator('textarea[name=text]').fill('Ban đang làm việc với công ty');
    await page.locator('button[data-action=reply]').click();
    await notice('Sẽ gửi cho người gửi phiếu sau');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-reply-held.png`, fullPage: true });
    await notice('Đã gửi cho người gửi phiếu');
    const sent = fake.textsTo(WORKER.id).slice(before).join('\n');
    expect(sent.split('Ban đang làm việc với công ty')).toHaveLength(2);
    // Replies go in order of their windows: the undone one, earlier, would have gone first.
    expect(sent).not.toContain('Bản nháp sai');

    await page.locator('textarea[name=text]').fill('Công ty đã trả đủ lương tháng 3');
    await page.locator('button[data-action=resolve]').click();
    await notice('người gửi phiếu đã được báo');
    await expect
      .poll(async () => (await page.locator('#ticket-status').textContent()) ?? '')
      .toBe('Đã giải quyết');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-resolved.png`, fullPage: true });
    await expect
      .poll(async () => (await ticketsOnDisk())[code]?.status, { timeout: 20_000 })
      .toBe('resolved');
    await fake.waitFor(() => topic()?.closed, { ...WAIT, what: 'the topic closed' });
    // The filer's notice is written with the resolution and delivered by the ticket outbox after it.
    const told = await fake.waitFor(
      () => {
        const text = fake.textsTo(WORKER.id).slice(before).join('\n');
        return text.includes('Công ty đã trả đủ lương tháng 3') && text;
      },
      { what: 'the filer told of the resolution', timeoutMs: 10_000 },
    );
    expect(told).toContain(code);
    const content = await page.content();
    for (const secret of [String(WORKER.id), 'Thảo', 'Ẩndanh', 'thao_secret'])
      expect(content).not.toContain(secret);
    await page.close();
  });

  it('draws the figures charts and lists broadcasts', async () => {
    const page = await openApp(initDataFor(OFFICER, fake.token));
    await page.locator('[data-tab="#figures"]').click();
    await page.locator('.chart svg').first().waitFor();
    expect(await page.locator('.chart svg').count()).toBe(4);
    // The weekly chart has a bar for the complaint filed this week; park × topic has one too.
    expect(await page.locator('.chart svg rect[fill="#4e79a7"]').count()).toBeGreaterThan(0);
    expect(await page.getByText('Tổng số phiếu: 1').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-figures.png`, fullPage: true });
    await page.locator('[data-tab="#broadcasts"]').click();
    await page.getByText('Chưa có thông báo nào.').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-broadcasts.png`, fullPage: true });
    await page.close();
  });

  it('Setup shows what a release lacks and refuses a bad contact at its field, writing nothing', async () => {
    const page = await openApp(initDataFor(OFFICER, fake.token));
    await page.locator('[data-tab="#setup"]').click();
    await page.locator('#setup-missing').waitFor();
    expect(await page.locator('#setup-missing').textContent()).toContain('contacts');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-setup.png`, fullPage: true });
    await page.locator('input[name="contacts[0].name.vi"]').fill('');
    await page.locator('#save-contacts').click();
    const error = page.locator('[data-field="contacts[0].name.vi"] .field-error');
    await expect.poll(async () => (await error.textContent()) ?? '').not.toBe('');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-setup-refused.png`, fullPage: true });
    await page.close();
  });

  it('Knowledge: search, open an entry, an error is refused at its field', async () => {
    const page = await openApp(initDataFor(OFFICER, fake.token));
    await page.locator('[data-tab="#kb"]').click();
    await page.locator('[data-entry="one-stop-desk"]').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-kb.png`, fullPage: true });
    await page.locator('input[name=q]').fill('một cửa');
    await page.locator('input[name=q]').press('Enter');
    await page.locator('[data-entry="one-stop-desk"]').click();
    await page.locator('textarea[name="answer.en"]').fill('');
    await page.locator('#kb-save').click();
    const error = page.locator('[data-field="answer.en"] .field-error');
    await expect.poll(async () => (await error.textContent()) ?? '').not.toBe('');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-kb-refused.png`, fullPage: true });
    await page.close();
    expect(pageErrors.filter((text) => !text.includes('400 (Bad Request)'))).toEqual([]);
  });

  it('with tampered initData shows a clear refusal and no data', async () => {
    const signed = new URLSearchParams(initDataFor(OFFICER, fake.token));
    signed.set('user', JSON.stringify({ ...OFFICER, first_name: 'Giả mạo' }));
    const page = await openApp(signed.toString());
    const refusal = page.locator('#refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Telegram không xác nhận bạn là cán bộ');
    const content = await page.content();
    expect(code).not.toBe('');
    expect(content).not.toContain(code);
    expect(content).not.toContain('nợ lương');
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-refused.png`, fullPage: true });
    await page.close();
  });
});
