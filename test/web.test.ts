import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebServer, type HealthReport, listen, webhookTarget } from '../src/web.ts';

const report = (storeWritable: boolean): HealthReport => ({
  mode: 'polling',
  uptimeSeconds: 1,
  storeWritable,
  lastUpdateAt: '2026-01-01T00:00:00.000Z',
  outboxLength: 0,
  version: '1.0.0',
});
const SECRET = 's3cret-s3cret-s3cret';
const TOKEN = 'health-token-0123456789';

const servers: ReturnType<typeof createWebServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.close();
    server.closeAllConnections();
  }
});

async function serve(writable: boolean, accepted: Update[] = [], failAccept = false) {
  const server = createWebServer({
    health: async () => report(writable),
    healthToken: TOKEN,
    webhook: {
      path: '/hook',
      secret: SECRET,
      accept: async (update) => {
        if (failAccept) throw new Error('ENOSPC');
        accepted.push(update);
      },
    },
    requestTimeoutMs: 1000,
  });
  servers.push(server);
  await listen(server, 0, '127.0.0.1');
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const post = (url: string, body: string, secret?: string) =>
  fetch(url, {
    method: 'POST',
    headers: secret ? { 'x-telegram-bot-api-secret-token': secret } : {},
    body,
  });

describe('web server', () => {
  it('answers /healthz 200 or 503 and shows details only with the token', async () => {
    const { base } = await serve(true);
    const plain = await fetch(`${base}/healthz`);
    expect(plain.status).toBe(200);
    const body = await plain.json();
    expect(body).toEqual({ ok: true });
    const detailed = await fetch(`${base}/healthz?token=${TOKEN}`);
    expect(await detailed.json()).toMatchObject({ storeWritable: true, version: '1.0.0' });
    const bearer = await fetch(`${base}/healthz`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await bearer.json()).toMatchObject({ lastUpdateAt: '2026-01-01T00:00:00.000Z' });
    const wrong = await fetch(`${base}/healthz?token=nope`);
    expect(await wrong.json()).toEqual({ ok: true });
    expect((await fetch(`${(await serve(false)).base}/healthz`)).status).toBe(503);
  });

  it('records webhook posts only with the secret header, whatever the query string', async () => {
    const accepted: Update[] = [];
    const { base } = await serve(true, accepted);
    const update = JSON.stringify({ update_id: 7, message: { text: 'hi' } });
    expect((await post(`${base}/hook`, update)).status).toBe(401);
    expect((await post(`${base}/hook`, update, 'nope')).status).toBe(401);
    expect((await post(`${base}/hook?a=1&b=2`, update, SECRET)).status).toBe(200);
    expect(accepted.map((u) => u.update_id)).toEqual([7]);
    expect((await post(`${base}/hook`, '{"no":"id"}', SECRET)).status).toBe(400);
    expect((await post(`${base}/hook`, 'not json', SECRET)).status).toBe(400);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });

  it('answers 503 when the update could not be recorded, so Telegram sends it again', async () => {
    const { base } = await serve(true, [], true);
    expect((await post(`${base}/hook`, '{"update_id":1}', SECRET)).status).toBe(503);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const { base } = await serve(true);
    const big = JSON.stringify({ update_id: 1, pad: 'x'.repeat(1024 * 1024 + 10) });
    expect((await post(`${base}/hook`, big, SECRET)).status).toBe(413);
  });

  it('never reads the endless body of a post without the secret', async () => {
    const { base } = await serve(true);
    const url = new URL(`${base}/hook`);
    let written = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', () => resolve(-1));
      const chunk = Buffer.alloc(64 * 1024, 120);
      const pump = () => {
        while (written < 200 * 1024 * 1024) {
          written += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        reject(new Error('the server kept reading 200 MB'));
      };
      pump();
    });
    expect([401, -1]).toContain(status);
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('accepts WEBHOOK_URL with a query string and refuses a fragment at start', () => {
    expect(webhookTarget('https://bot.example.vn/tg/hook?k=1')).toEqual({
      url: 'https://bot.example.vn/tg/hook?k=1',
      path: '/tg/hook',
    });
    expect(() => webhookTarget('https://bot.example.vn/hook#x')).toThrow(/fragment/);
  });
});
