import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface HealthReport {
  mode: 'webhook' | 'polling';
  uptimeSeconds: number;
  storeWritable: boolean;
  lastUpdateAt: string | null;
  outboxLength: number;
  version: string;
}

export interface WebOptions {
  /** Produces the report; `storeWritable: false` turns the answer into 503. */
  health: () => Promise<HealthReport>;
  /** Present in webhook mode: the path Telegram posts to, its secret, and Telegraf's handler. */
  webhook?: {
    path: string;
    secret: string;
    handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  };
  /** More routes (the officers' dashboard under /app); returns false for a path it does not serve. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

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

/**
 * One small HTTP server for what the outside world may ask: `GET /healthz` for the service
 * monitor, and in webhook mode the updates Telegram posts. A post without the right secret
 * header gets 401 and never reaches a handler.
 */
export function createWebServer(options: WebOptions): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      options
        .health()
        .then((report) => json(res, report.storeWritable ? 200 : 503, report))
        .catch(() => json(res, 503, { error: 'health check failed' }));
      return;
    }
    const webhook = options.webhook;
    if (webhook && path === webhook.path) {
      if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' });
      if (!sameSecret(req.headers[SECRET_HEADER], webhook.secret)) {
        req.resume();
        return json(res, 401, { error: 'unauthorized' });
      }
      webhook.handle(req, res).catch(() => {
        if (!res.headersSent) json(res, 500, { error: 'update failed' });
      });
      return;
    }
    if (options.routes?.(req, res)) return;
    json(res, 404, { error: 'not found' });
  });
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
