/** Exact Grok token counts from xAI's POST /v1/tokenize-text. Opt-in only: nothing is sent unless a caller asks. */
import { createHash } from 'node:crypto';
import { errorMessage } from '../format/errorMessage';

export type XaiErrorKind = 'offline' | 'unauthorized' | 'timeout' | 'bad-response' | 'http';

/** A failed tokenize-text call, with a message fit to show the user. */
export class XaiTokenizeError extends Error {
  constructor(
    readonly kind: XaiErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(`xAI tokenize-text: ${message}`);
    this.name = 'XaiTokenizeError';
  }
}

/** Bounded LRU of counts keyed by model and the SHA-256 of the text; the text itself is never stored. */
export class XaiCountCache {
  private readonly entries = new Map<string, number>();

  constructor(readonly capacity = 500) {}

  static key(model: string, text: string): string {
    return `${model}\u0000${createHash('sha256').update(text, 'utf8').digest('hex')}`;
  }

  get(key: string): number | undefined {
    const n = this.entries.get(key);
    if (n !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, n);
    }
    return n;
  }

  set(key: string, count: number): void {
    this.entries.delete(key);
    this.entries.set(key, count);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface XaiCountOptions {
  readonly apiKey: string;
  /** Default https://api.x.ai */
  readonly baseUrl?: string;
  /** Default 10000. */
  readonly timeoutMs?: number;
  readonly cache?: XaiCountCache;
  readonly fetchImpl?: typeof fetch;
}

const seconds = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);

/** The token count of `text` for an xAI model, from the tokenize-text endpoint (cached when a cache is given). */
export async function xaiExactCount(model: string, text: string, opts: XaiCountOptions): Promise<number> {
  const key = opts.cache ? XaiCountCache.key(model, text) : '';
  const cached = opts.cache?.get(key);
  if (cached !== undefined) return cached;
  if (!opts.apiKey) throw new XaiTokenizeError('unauthorized', 'no API key set');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const url = `${(opts.baseUrl ?? 'https://api.x.ai').replace(/\/+$/, '')}/v1/tokenize-text`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await (opts.fetchImpl ?? fetch)(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${opts.apiKey}` },
        body: JSON.stringify({ model, text }),
        signal: controller.signal,
      });
    } catch (e) {
      if (controller.signal.aborted) throw new XaiTokenizeError('timeout', `timed out after ${seconds(timeoutMs)}`);
      throw new XaiTokenizeError('offline', `offline or unreachable (${describeCause(e)})`);
    }
    let body: string;
    try {
      body = await response.text();
    } catch (e) {
      if (controller.signal.aborted) throw new XaiTokenizeError('timeout', `timed out after ${seconds(timeoutMs)}`);
      throw new XaiTokenizeError('offline', `connection lost while reading the answer (${describeCause(e)})`);
    }
    if (response.status === 401 || response.status === 403 || (response.status === 400 && /api key/i.test(body))) {
      throw new XaiTokenizeError('unauthorized', `unauthorised (${response.status}): check the API key`, response.status);
    }
    if (!response.ok) {
      throw new XaiTokenizeError('http', `the server answered ${response.status}${errorDetail(body)}`, response.status);
    }
    const count = countFromBody(body);
    opts.cache?.set(key, count);
    return count;
  } finally {
    clearTimeout(timer);
  }
}

function countFromBody(body: string): number {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new XaiTokenizeError('bad-response', 'the answer is not JSON');
  }
  const ids = (value as { token_ids?: unknown } | null)?.token_ids;
  if (!Array.isArray(ids)) throw new XaiTokenizeError('bad-response', 'the answer has no token_ids list');
  const valid = ids.every(
    (t) => typeof t === 'number' || (typeof t === 'object' && t !== null && typeof (t as { token_id?: unknown }).token_id === 'number'),
  );
  if (!valid) throw new XaiTokenizeError('bad-response', 'the answer has malformed token ids');
  return ids.length;
}

function errorDetail(body: string): string {
  try {
    const v = JSON.parse(body) as { error?: unknown; message?: unknown };
    const msg = typeof v.error === 'string' ? v.error : typeof v.message === 'string' ? v.message : undefined;
    return msg ? `: ${msg.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

function describeCause(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return errorMessage(e);
}
