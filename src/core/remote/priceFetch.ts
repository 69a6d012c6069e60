/** Bounded GET of a price source: one timeout, one size cap, one clear message per failure. Opt-in only. */

/** A refused price source; the message is one line fit to show the user, and nothing was applied. */
export class PriceSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceSourceError';
  }
}

export const PRICE_FETCH_TIMEOUT_MS = 10_000;
export const PRICE_FETCH_MAX_BYTES = 20 * 1024 * 1024;

export interface PriceFetchOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Default 10 s (tests pass a short one). */
  readonly timeoutMs?: number;
  /** Default 20 MB. */
  readonly maxBytes?: number;
  readonly fetchImpl?: typeof fetch;
}

/** The body of `url` as text, or a PriceSourceError naming the timeout, HTTP status, size or network failure. */
export async function fetchPriceText(url: string, opts: PriceFetchOptions = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? PRICE_FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? PRICE_FETCH_MAX_BYTES;
  const where = hostOf(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response;
    try {
      response = await (opts.fetchImpl ?? fetch)(url, { headers: opts.headers, signal: controller.signal, redirect: 'follow' });
    } catch (e) {
      if (controller.signal.aborted) throw timedOut(where, timeoutMs);
      throw new PriceSourceError(`${where}: offline or unreachable (${describeCause(e)}); prices unchanged`);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new PriceSourceError(`${where}: unauthorised (${response.status}): check the API key; prices unchanged`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PriceSourceError(`${where}: the server answered ${response.status}; prices unchanged`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      throw tooLarge(where, maxBytes);
    }
    return await readBounded(response, maxBytes, where, controller, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

async function readBounded(
  response: Response,
  maxBytes: number,
  where: string,
  controller: AbortController,
  timeoutMs: number,
): Promise<string> {
  if (!response.body) return '';
  const body = response.body as unknown as AsyncIterable<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Leaving the loop early (too large) cancels the stream.
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > maxBytes) throw tooLarge(where, maxBytes);
      chunks.push(chunk);
    }
  } catch (e) {
    if (e instanceof PriceSourceError) throw e;
    if (controller.signal.aborted) throw timedOut(where, timeoutMs);
    throw new PriceSourceError(`${where}: connection lost while reading (${describeCause(e)}); prices unchanged`);
  }
  return decodeUtf8(Buffer.concat(chunks), where);
}

/** Decodes a source's bytes, refusing ones that are not UTF-8 text. */
export function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PriceSourceError(`${where}: the answer is not UTF-8 text; prices unchanged`);
  }
}

/** Parses a source's JSON, or one line saying it is not JSON. */
export function parseSourceJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PriceSourceError(`${where}: the answer is not valid JSON; prices unchanged`);
  }
}

function timedOut(where: string, ms: number): PriceSourceError {
  const time = ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
  return new PriceSourceError(`${where}: timed out after ${time}; prices unchanged`);
}

function tooLarge(where: string, maxBytes: number): PriceSourceError {
  return new PriceSourceError(`${where}: the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; prices unchanged`);
}

/** "raw.githubusercontent.com" for a URL, the text itself otherwise. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function describeCause(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return e instanceof Error ? e.message : String(e);
}
