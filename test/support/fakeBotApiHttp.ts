import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiFailure, isRecord, type RecordedFile, toInteger } from './fakeBotApiTypes.ts';

/** An uploaded file part, with its raw bytes kept for downloads. */
export interface UploadedFile extends RecordedFile {
  bytes: Buffer;
}

export interface ParsedRequest {
  /** URL path, e.g. `/bot123:ABC/sendMessage`. */
  path: string;
  /** Query parameters merged with the body; file parts appear as {@link RecordedFile}. */
  payload: Record<string, unknown>;
  files: Map<string, UploadedFile>;
}

/** Form fields that Telegram expects as JSON-serialised objects or arrays. */
const JSON_FIELDS = new Set([
  'reply_markup',
  'media',
  'entities',
  'caption_entities',
  'reply_parameters',
  'link_preview_options',
  'allowed_updates',
  'commands',
  'scope',
  'results',
]);

/** Form fields that carry integers; coerced so payloads look the same as JSON ones. */
const INTEGER_FIELDS = new Set([
  'chat_id',
  'from_chat_id',
  'message_id',
  'reply_to_message_id',
  'message_thread_id',
  'offset',
  'limit',
  'timeout',
  'cache_time',
  'max_connections',
]);

/** Turns a string form or query field into the value a JSON body would have carried. */
function normaliseField(name: string, value: string): unknown {
  if (JSON_FIELDS.has(name)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  if (INTEGER_FIELDS.has(name)) return toInteger(value) ?? value;
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const malformed = (what: string): ApiFailure =>
  new ApiFailure({ error_code: 400, description: `Bad Request: ${what}` });

/** Reads a Bot API request: query string, then a JSON, urlencoded or multipart body. */
export async function readRequest(req: IncomingMessage, baseUrl: string): Promise<ParsedRequest> {
  const url = new URL(req.url ?? '/', baseUrl);
  const payload: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const [name, value] of url.searchParams) payload[name] = normaliseField(name, value);
  const body = await readBody(req);
  const contentType = req.headers['content-type'] ?? '';
  if (body.length === 0) return { path: url.pathname, payload, files };

  if (contentType.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw malformed('invalid JSON body');
    }
    if (!isRecord(parsed)) throw malformed('JSON body must be an object');
    Object.assign(payload, parsed);
  } else if (contentType.startsWith('multipart/form-data')) {
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw malformed('invalid multipart body');
    }
    for (const [name, value] of form) {
      if (name === 'method') continue;
      if (typeof value === 'string') {
        payload[name] = normaliseField(name, value);
        continue;
      }
      const bytes = Buffer.from(await value.arrayBuffer());
      const file = { filename: value.name, size: bytes.length, content: bytes.toString('utf8') };
      payload[name] = file;
      files.set(name, { ...file, bytes });
    }
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
      payload[name] = normaliseField(name, value);
    }
  }
  return { path: url.pathname, payload, files };
}

/** Writes a JSON answer with Telegram's convention: HTTP status equals `error_code`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
