/** The live price sources by name, and reading one into a QuoteSet. Nothing is requested unless a caller asks. */
import { fetchPriceText, hostOf, parseSourceJson, PRICE_FETCH_MAX_BYTES, PriceSourceError } from './priceFetch';
import type { PriceFetchOptions } from './priceFetch';
import { detectFormat, parseHolidays, parseQuotes } from './priceParsers';
import type { QuoteSet, SourceFormat } from './priceQuotes';

/** Default addresses of the public price files (MIT); each is configurable. */
export const PRICE_SOURCE_URLS = {
  litellm: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
  'genai-prices': 'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json',
} as const;

export const NAMED_SOURCES = ['xai', 'litellm', 'genai-prices'] as const;
export type NamedSource = (typeof NAMED_SOURCES)[number];

export type SourceSpec =
  | { readonly kind: 'xai'; readonly apiKey: string; readonly baseUrl?: string }
  | { readonly kind: 'url'; readonly name: string; readonly url: string; readonly format?: SourceFormat }
  | { readonly kind: 'text'; readonly name: string; readonly text: string };

export interface LoadOptions extends Pick<PriceFetchOptions, 'timeoutMs' | 'fetchImpl' | 'maxBytes'> {
  readonly now: Date;
}

/** Reads one source: fetches it (bounded), parses it, validates every price it gives for our providers (or every calendar year). */
export async function loadQuoteSet(spec: SourceSpec, opts: LoadOptions): Promise<QuoteSet> {
  const fetchedAt = opts.now.toISOString();
  if (spec.kind === 'xai') return { ...(await loadXai(spec, opts)), source: 'xai', fetchedAt };
  const url = spec.kind === 'url' ? { url: spec.url } : {};
  const where = spec.kind === 'url' ? hostOf(spec.url) : spec.name;
  let text: string;
  if (spec.kind === 'url') text = await fetchPriceText(spec.url, opts);
  else {
    if (Buffer.byteLength(spec.text, 'utf8') > (opts.maxBytes ?? PRICE_FETCH_MAX_BYTES)) {
      throw new PriceSourceError(
        `${where}: larger than ${Math.round((opts.maxBytes ?? PRICE_FETCH_MAX_BYTES) / 1048576)} MB; prices unchanged`,
      );
    }
    text = spec.text;
  }
  const body = parseSourceJson(text, where);
  const format = (spec.kind === 'url' ? spec.format : undefined) ?? detectFormat(body, where);
  if (format === 'holidays') return { source: spec.name, ...url, format, fetchedAt, quotes: [], holidays: parseHolidays(body, where) };
  return { source: spec.name, ...url, format, fetchedAt, quotes: parseQuotes(body, format, where, opts.now) };
}

/** xAI: GET /v1/models (prices, long-context prices and threshold); /v1/language-models when the first carries none. */
async function loadXai(spec: { apiKey: string; baseUrl?: string }, opts: LoadOptions): Promise<Omit<QuoteSet, 'source' | 'fetchedAt'>> {
  if (!spec.apiKey) throw new PriceSourceError('xAI: no API key set; prices unchanged');
  const base = (spec.baseUrl ?? 'https://api.x.ai').replace(/\/+$/, '').replace(/\/v1$/, '');
  const headers = { Authorization: `Bearer ${spec.apiKey}` };
  let last: PriceSourceError | undefined;
  for (const path of ['/v1/models', '/v1/language-models']) {
    const where = `xAI ${path}`;
    const text = await fetchPriceText(`${base}${path}`, { ...opts, headers });
    const body = parseSourceJson(text, where);
    try {
      return { format: 'xai', url: `${base}${path}`, quotes: parseQuotes(body, 'xai', where, opts.now) };
    } catch (e) {
      if (!(e instanceof PriceSourceError) || !/no DeepSeek, Mistral or xAI prices/.test(e.message)) throw e;
      last = e;
    }
  }
  throw last!;
}
