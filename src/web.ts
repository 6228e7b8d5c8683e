import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Update } from 'telegraf/types';

export interface HealthReport {
  mode: 'webhook' | 'polling';
  uptimeSeconds: number;
  storeWritable: boolean;
  lastUpdateAt: string | null;
  outboxLength: number;
  version: string;
  /** With PostgreSQL (several instances): the database, this instance's part, the inbox. */
  database?: { reachable: boolean; schemaVersion: number };
  leader?: boolean;
  inbox?: { waiting: number; oldestWaitingSeconds: number } | null;
}

export interface WebOptions {
  /** Produces the report; `storeWritable: false` turns the answer into 503. */
  health: () => Promise<HealthReport>;
  /** Shows the whole report to whoever presents it; without it only `{ ok }` is shown. */
  healthToken?: string | undefined;
  /** Present in webhook mode: the path Telegram posts to, its secret, and who records updates. */
  webhook?: {
    path: string;
    secret: string;
    /** Resolves once the update is durably recorded; only then does Telegram get its 200. */
    accept: (update: Update) => Promise<void>;
  };
  /** More routes (the officers' dashboard under /app); returns false for a path it does not serve. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Largest webhook body accepted, in bytes; Telegram's updates are far smaller. */
  bodyLimit?: number;
  /** How long a client may take to send a whole request. */
  requestTimeoutMs?: number;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** Answers and drops the connection without reading what is left of the body. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
  res.end(JSON.stringify({ error }), () => req.destroy());
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}

function parseUpdate(body: Buffer): Update | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const id = (value as { update_id?: unknown }).update_id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? (value as Update) : null;
  } catch {
    return null;
  }
}

function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim();
  return url.searchParams.get('token') ?? undefined;
}

async function answerHealth(options: WebOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    const report = await options.health();
    const status = report.storeWritable ? 200 : 503;
    const token = presentedToken(req, url);
    const trusted =
      options.healthToken !== undefined &&
      token !== undefined &&
      sameSecret(token, options.healthToken);
    json(res, status, trusted ? report : { ok: report.storeWritable });
  } catch {
    json(res, 503, { ok: false });
  }
}

async function answerWebhook(
  webhook: NonNullable<WebOptions['webhook']>,
  limit: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') return refuse(req, res, 405, 'method not allowed');
  // The secret is checked on the headers alone: a stranger's body is never read.
  if (!sameSecret(req.headers[SECRET_HEADER], webhook.secret)) {
    return refuse(req, res, 401, 'unauthorized');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return refuse(req, res, 413, 'too large');
  let body: Buffer;
  try {
    body = await readBody(req, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(req, res, 413, 'too large');
    return refuse(req, res, 400, 'bad request');
  }
  const update = parseUpdate(body);
  if (!update) return json(res, 400, { error: 'not an update' });
  try {
    await webhook.accept(update);
  } catch {
    // Not recorded: a non-2xx makes Telegram deliver it again later.
    return json(res, 503, { error: 'not recorded, retry later' });
  }
  json(res, 200, { ok: true });
}

/**
 * One small HTTP server for what the outside world may ask: `GET /healthz` for the service
 * monitor, and in webhook mode the updates Telegram posts. The webhook answers as soon as the
 * update is recorded; the work happens after the answer, so Telegram never redelivers because
 * a handler was slow. A post without the right secret gets 401 before its body is read.
 */
export function createWebServer(options: WebOptions): Server {
  const limit = options.bodyLimit ?? WEBHOOK_BODY_LIMIT;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      void answerHealth(options, req, res);
      return;
    }
    const webhook = options.webhook;
    if (webhook && path === webhook.path) {
      answerWebhook(webhook, limit, req, res).catch(() => {
        if (!res.headersSent) json(res, 500, { error: 'update failed' });
      });
      return;
    }
    if (options.routes?.(req, res)) return;
    refuse(req, res, 404, 'not found');
  });
  const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  server.requestTimeout = timeout;
  server.headersTimeout = Math.min(timeout, 60_000);
  return server;
}

/**
 * The path Telegram will post to, from WEBHOOK_URL. A query string is allowed (Telegram posts to
 * the URL as given, the server matches the path); a fragment cannot reach a server, so it is refused.
 */
export function webhookTarget(raw: string): { url: string; path: string } {
  const url = new URL(raw);
  if (url.hash !== '') {
    throw new Error(
      `WEBHOOK_URL must not contain a "#" fragment (${url.hash}); Telegram never sends it`,
    );
  }
  return { url: url.href, path: url.pathname };
}

/** Starts listening and resolves once the port is bound (rejects if it is taken). */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
