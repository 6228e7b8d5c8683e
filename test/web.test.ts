import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebServer, type HealthReport, listen } from '../src/web.ts';

const report = (storeWritable: boolean): HealthReport => ({
  mode: 'polling',
  uptimeSeconds: 1,
  storeWritable,
  lastUpdateAt: null,
  outboxLength: 0,
  version: '1.0.0',
});

const servers: ReturnType<typeof createWebServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

async function serve(writable: boolean, handled: string[] = []) {
  const server = createWebServer({
    health: async () => report(writable),
    webhook: {
      path: '/hook',
      secret: 's3cret-s3cret-s3cret',
      handle: async (_req, res) => {
        handled.push('update');
        res.end();
      },
    },
  });
  servers.push(server);
  await listen(server, 0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('web server', () => {
  it('answers /healthz 200 when the store is writable and 503 when it is not', async () => {
    const healthy = await fetch(`${await serve(true)}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ storeWritable: true, mode: 'polling' });
    expect((await fetch(`${await serve(false)}/healthz`)).status).toBe(503);
  });

  it('passes webhook posts on only with the secret header', async () => {
    const handled: string[] = [];
    const base = await serve(true, handled);
    const post = (headers: Record<string, string>) =>
      fetch(`${base}/hook`, { method: 'POST', headers, body: '{}' });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'nope' })).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 's3cret-s3cret-s3cret' })).status).toBe(
      200,
    );
    expect(handled).toEqual(['update']);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  });
});
