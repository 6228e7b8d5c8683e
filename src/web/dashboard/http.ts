import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { en } from '../../bot/i18n/en/index.ts';
import { type Lang, languageFromTelegram } from '../../bot/i18n/index.ts';
import { vi } from '../../bot/i18n/vi/index.ts';
import { isNotSavedError } from '../../store/index.ts';
import { ActionLog, IDEMPOTENCY_HEADER } from './actionLog.ts';
import { type ApiAnswer, type DashboardDeps, routeApi } from './api.ts';
import { checkInitData } from './initData.ts';
import { importLegacyDrafts } from './legacyDrafts.ts';
import { indexHtml } from './page.ts';
import { errorResponseSchema } from './schemas.ts';

export const APP_PATH = '/app';
const API_PREFIX = `${APP_PATH}/api`;
const BODY_LIMIT = 16 * 1024;
/** The header the page sends Telegram's initData in, on every call. */
export const INIT_DATA_HEADER = 'x-telegram-init-data';

export interface Dashboard {
  /** Answers the request when it is under /app; false leaves it to the caller. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Builds the front end now rather than on the first visit. */
  prepare(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (chunks.length === 0) return resolve(undefined);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(null);
      }
    });
    req.on('error', reject);
  });
}

/** The page's script, bundled and minified once per process with esbuild (no files written). */
async function bundle(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./ui/main.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    legalComments: 'none',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * The officers' Mini App under /app: the page, its script, and the API. Every API call is signed
 * in again from its own initData (Telegram's signature, age, OFFICER_IDS); the page is public
 * but shows nothing without a valid signature.
 */
export function createDashboard(deps: DashboardDeps): Dashboard {
  let script: Promise<string> | undefined;
  const scriptOnce = () => {
    script ??= bundle();
    return script;
  };
  let log: Promise<ActionLog> | undefined;
  const logOnce = () => {
    log ??= deps.actionKeys
      ? Promise.resolve(new ActionLog(deps.actionKeys, deps.now))
      : ActionLog.open(deps.config.DATA_DIR, deps.layer, deps.now);
    // A log that failed to open is tried again on the next call, not remembered as failed.
    log.catch(() => {
      log = undefined;
    });
    return log;
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const header = req.headers[INIT_DATA_HEADER];
    const check = checkInitData(typeof header === 'string' ? header : undefined, {
      botToken: deps.config.BOT_TOKEN,
      maxAgeSeconds: deps.config.DASHBOARD_AUTH_MAX_AGE_SECONDS,
      officerIds: deps.config.OFFICER_IDS,
      now: deps.now,
    });
    if (!check.ok) {
      req.resume();
      const reason = check.reason === 'expired' ? 'app.refused.expired' : 'app.refused';
      deps.logger.warn({ reason: check.reason }, 'dashboard sign-in refused');
      reply(res, { status: 401, json: { error: 'unauthorized', reason } }, req);
      return;
    }
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const key = req.headers[IDEMPOTENCY_HEADER];
    const answer = await routeApi(
      deps,
      {
        method: req.method ?? 'GET',
        path: url.pathname.slice(API_PREFIX.length),
        query: url.searchParams,
        body,
        officer: check.user,
        ...(typeof key === 'string' ? { key } : {}),
      },
      await logOnce(),
    );
    reply(res, answer, req);
  };

  return {
    prepare: async () => {
      await Promise.all([scriptOnce(), logOnce()]);
      const moved = await importLegacyDrafts(deps.desk, deps.config.DATA_DIR, deps.layer);
      if (moved > 0) deps.logger.info({ moved }, 'moved the dashboard’s old drafts to the desk’s');
    },
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (path !== APP_PATH && !path.startsWith(`${APP_PATH}/`)) return false;
      if (path.startsWith(`${API_PREFIX}/`)) {
        api(req, res, url).catch((error: unknown) => {
          deps.logger.error({ err: error }, 'dashboard API failed');
          // A disk that refused the write: nothing changed, and the officer is told so.
          const notSaved = isNotSavedError(error);
          const json = { error: 'failed', reason: notSaved ? 'app.notSaved' : 'app.error' };
          if (!res.headersSent) reply(res, { status: notSaved ? 503 : 500, json }, req);
        });
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
        return true;
      }
      if (path === APP_PATH || path === `${APP_PATH}/`) {
        res.setHeader(
          'content-security-policy',
          "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors https://web.telegram.org https://*.telegram.org",
        );
        send(res, 200, 'text/html; charset=utf-8', indexHtml());
        return true;
      }
      if (path === `${APP_PATH}/app.js`) {
        scriptOnce()
          .then((text) => send(res, 200, 'text/javascript; charset=utf-8', text))
          .catch((error: unknown) => {
            deps.logger.error({ err: error }, 'dashboard script build failed');
            send(res, 500, 'text/plain; charset=utf-8', 'build failed');
          });
        return true;
      }
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return true;
    },
  };
}

/** Words a refusal in the language the page asked for (the officer's Telegram language). */
function withMessage(json: unknown, req: IncomingMessage, fallback: Lang): unknown {
  const parsed = errorResponseSchema.safeParse(json);
  if (!parsed.success || !(parsed.data.reason in vi)) return json;
  const header = req.headers['x-app-lang'];
  const lang = languageFromTelegram(
    typeof header === 'string' && header ? header : undefined,
    fallback,
  );
  const catalogue: Record<string, string> = lang === 'vi' ? vi : en;
  return { ...parsed.data, message: catalogue[parsed.data.reason] };
}

function reply(
  res: ServerResponse,
  answer: ApiAnswer,
  req: IncomingMessage,
  fallback: Lang = 'vi',
): void {
  if ('csv' in answer) {
    res.setHeader('content-disposition', `attachment; filename="${answer.filename}"`);
    send(res, 200, 'text/csv; charset=utf-8', answer.csv);
    return;
  }
  const json = answer.status >= 400 ? withMessage(answer.json, req, fallback) : answer.json;
  send(res, answer.status, 'application/json; charset=utf-8', JSON.stringify(json));
}
