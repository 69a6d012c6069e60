/** Parsers for the three price formats: xAI's model lists, LiteLLM's cost map, genai-prices v2 data.json. */
import { Rational } from '../cost/rational';
import { PriceSourceError } from './priceFetch';
import type { PriceQuote, QuotedList, QuotedProvider, SourceFormat } from './priceQuotes';
import { genaiMatcher } from './genaiMatch';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The format of a parsed body: an array is genai-prices, `data`/`models` lists are xAI, any other object LiteLLM. */
export function detectFormat(body: unknown, where: string): SourceFormat {
  if (Array.isArray(body)) return 'genai-prices';
  if (isObject(body) && (Array.isArray(body.data) || Array.isArray(body.models))) return 'xai';
  if (isObject(body)) return 'litellm';
  throw new PriceSourceError(`${where}: not a price list (expected a JSON object or array); prices unchanged`);
}

/** Quotes for DeepSeek, Mistral and xAI models from a body in `format`; any malformed price among them refuses the whole body. */
export function parseQuotes(body: unknown, format: SourceFormat, where: string, now: Date): PriceQuote[] {
  const quotes = format === 'xai' ? parseXai(body, where) : format === 'litellm' ? parseLiteLlm(body, where) : parseGenai(body, where, now);
  if (quotes.length === 0) throw new PriceSourceError(`${where}: no DeepSeek, Mistral or xAI prices in the answer; prices unchanged`);
  return quotes;
}

// xAI: prices in USD cents per 100M tokens (30000 = $3.00 per 1M). Field names follow docs.x.ai's reference
// for GET /v1/models (rest-api-reference/inference/models, as changed 2026-06-15/17): prompt_text_token_price,
// cached_prompt_text_token_price, completion_text_token_price, each also with `_long_context`;
// long_context_threshold ("token count at or above which the long context prices apply"); context_length;
// aliases. Every one of them may be null (read as absent); /v1/language-models has the base three only.
const XAI_FIELDS = { input: 'prompt_text_token_price', cacheHit: 'cached_prompt_text_token_price', output: 'completion_text_token_price' };
const CENTS_PER_100M = Rational.of(1n, 10_000n);

function parseXai(body: unknown, where: string): PriceQuote[] {
  const list = isObject(body) ? (Array.isArray(body.data) ? body.data : body.models) : undefined;
  if (!Array.isArray(list)) throw schema(where, 'expected a "data" or "models" list');
  const out: PriceQuote[] = [];
  list.forEach((entry, i) => {
    if (!isObject(entry) || typeof entry.id !== 'string') throw schema(where, `entry ${i} has no "id"`);
    const at = `${where} ${entry.id}`;
    const prices = readList(entry, XAI_FIELDS, '', CENTS_PER_100M, at);
    if (!prices) return;
    const aliases = Array.isArray(entry.aliases) ? entry.aliases.filter((a): a is string => typeof a === 'string') : [];
    const long = readList(entry, XAI_FIELDS, '_long_context', CENTS_PER_100M, at);
    const threshold = readInt(entry.long_context_threshold, `${at} long_context_threshold`);
    const contextWindow = readInt(entry.context_length, `${at} context_length`);
    out.push({
      provider: 'xai',
      id: entry.id,
      aliases,
      prices,
      ...(long && threshold ? { longContext: { thresholdTokens: threshold, prices: long } } : {}),
      ...(contextWindow ? { contextWindow } : {}),
    });
  });
  return out;
}

// LiteLLM: USD per token; `_above_200k_tokens` keys for the long-context tier.
const LITELLM_FIELDS = { input: 'input_cost_per_token', cacheHit: 'cache_read_input_token_cost', output: 'output_cost_per_token' };
const LITELLM_PROVIDERS: Readonly<Record<string, QuotedProvider>> = {
  deepseek: 'deepseek',
  mistral: 'mistral',
  codestral: 'mistral',
  'text-completion-codestral': 'mistral',
  xai: 'xai',
};
const PER_TOKEN = Rational.fromInt(1_000_000);

function parseLiteLlm(body: unknown, where: string): PriceQuote[] {
  if (!isObject(body)) throw schema(where, 'expected an object of models');
  const out: PriceQuote[] = [];
  for (const [key, entry] of Object.entries(body)) {
    if (key === 'sample_spec' || !isObject(entry)) continue;
    const provider = typeof entry.litellm_provider === 'string' ? LITELLM_PROVIDERS[entry.litellm_provider] : undefined;
    if (!provider) continue;
    if (entry.mode !== undefined && entry.mode !== 'chat' && entry.mode !== 'completion') continue;
    const at = `${where} ${key}`;
    const prices = readList(entry, LITELLM_FIELDS, '', PER_TOKEN, at);
    if (!prices) continue;
    const long = readList(entry, LITELLM_FIELDS, '_above_200k_tokens', PER_TOKEN, at);
    const contextWindow = readInt(entry.max_input_tokens, `${at} max_input_tokens`);
    out.push({
      provider,
      id: key.includes('/') ? key.slice(key.lastIndexOf('/') + 1) : key,
      aliases: [],
      prices,
      ...(long ? { longContext: { thresholdTokens: 200_000, prices: long } } : {}),
      ...(contextWindow ? { contextWindow } : {}),
    });
  }
  return out;
}

// genai-prices v2: providers[] with models[]; USD per million; tiered {base, tiers}; conditional lists.
const GENAI_PROVIDERS: Readonly<Record<string, QuotedProvider>> = { deepseek: 'deepseek', mistral: 'mistral', 'x-ai': 'xai', xai: 'xai' };
const GENAI_FIELDS = { input: 'input_mtok', cacheHit: 'cache_read_mtok', output: 'output_mtok' } as const;

function parseGenai(body: unknown, where: string, now: Date): PriceQuote[] {
  if (!Array.isArray(body)) throw schema(where, 'expected an array of providers');
  const out: PriceQuote[] = [];
  for (const provider of body) {
    if (!isObject(provider) || typeof provider.id !== 'string') throw schema(where, 'a provider has no "id"');
    const ours = GENAI_PROVIDERS[provider.id];
    if (!ours) continue;
    if (!Array.isArray(provider.models)) throw schema(where, `provider ${provider.id} has no "models" list`);
    for (const model of provider.models) {
      if (!isObject(model) || typeof model.id !== 'string') throw schema(where, `a ${provider.id} model has no "id"`);
      const at = `${where} ${model.id}`;
      const current = pricesInForce(model.prices, now, at);
      if (!current) continue;
      const { prices, longContext } = readGenaiPrices(current, at);
      const contextWindow = readInt(model.context_window, `${at} context_window`);
      out.push({
        provider: ours,
        id: model.id,
        aliases: [],
        matches: genaiMatcher(model.match, at),
        prices,
        ...(longContext ? { longContext } : {}),
        ...(contextWindow ? { contextWindow } : {}),
      });
    }
  }
  return out;
}

/**
 * A plain price object; from a conditional list, the full (undiscounted) prices in force: the latest entry without a
 * constraint or with a start date by `now`, or a later time-of-day variant of it when that one is dearer (DeepSeek's
 * peak hours). Which hours are discounted is the catalog's schedule, not the source's.
 */
function pricesInForce(raw: unknown, now: Date, at: string): Json | undefined {
  if (isObject(raw)) return raw;
  if (!Array.isArray(raw)) throw schema(at, '"prices" must be an object or a list');
  let base: { index: number; prices: Json } | undefined;
  raw.forEach((item, index) => {
    if (!isObject(item) || !isObject(item.prices)) throw schema(at, 'a conditional price has no "prices"');
    const c = item.constraint;
    if (isObject(c) && c.start_date === undefined) return;
    if (isObject(c)) {
      const start = typeof c.start_date === 'string' ? Date.parse(c.start_date) : NaN;
      if (Number.isNaN(start)) throw schema(at, `bad start_date ${JSON.stringify(c.start_date)}`);
      if (start > now.getTime()) return;
    }
    base = { index, prices: item.prices };
  });
  if (!base) return undefined;
  let best = base.prices;
  for (const item of raw.slice(base.index + 1) as Json[]) {
    const c = item.constraint;
    if (isObject(c) && c.start_date === undefined && inputOf(item.prices as Json) > inputOf(best)) best = item.prices as Json;
  }
  return best;
}

function inputOf(prices: Json): number {
  const v = prices.input_mtok;
  return typeof v === 'number' ? v : isObject(v) && typeof v.base === 'number' ? v.base : -Infinity;
}

function readGenaiPrices(prices: Json, at: string): { prices: QuotedList; longContext?: { thresholdTokens: number; prices: QuotedList } } {
  const base: Record<string, string> = {};
  const tier: Record<string, string> = {};
  let threshold: number | undefined;
  for (const [field, key] of Object.entries(GENAI_FIELDS)) {
    const value = prices[key];
    if (value === undefined || value === null) continue;
    if (isObject(value)) {
      base[field] = decimal(value.base, Rational.ONE, `${at} ${key}.base`);
      const tiers = value.tiers;
      if (!Array.isArray(tiers) || !tiers.length || !isObject(tiers[0])) throw schema(at, `${key}.tiers must be a list`);
      const first = tiers[0];
      // genai-prices prices a tier for token counts above `start` (xAI's "200k or more" is start 199999).
      const start = readInt(first.start, `${at} ${key}.tiers[0].start`);
      if (start === undefined) throw schema(at, `${key}.tiers[0].start must be a token count`);
      threshold ??= start + 1;
      if (start + 1 === threshold) tier[field] = decimal(first.price, Rational.ONE, `${at} ${key}.tiers[0].price`);
    } else base[field] = decimal(value, Rational.ONE, `${at} ${key}`);
  }
  return { prices: base, ...(threshold ? { longContext: { thresholdTokens: threshold, prices: tier } } : {}) };
}

/** The three fields with `suffix` on their keys, scaled to per-million; undefined when none is present. */
function readList(
  entry: Json,
  fields: Readonly<Record<string, string>>,
  suffix: string,
  scale: Rational,
  at: string,
): QuotedList | undefined {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(fields)) {
    const value = entry[key + suffix];
    if (value !== undefined && value !== null) out[field] = decimal(value, scale, `${at} ${key + suffix}`);
  }
  return Object.keys(out).length ? out : undefined;
}

/** A JSON number or numeric string times `scale`, as an exact decimal string; a schema error otherwise. */
function decimal(value: unknown, scale: Rational, at: string): string {
  let r: Rational;
  try {
    if (typeof value === 'number') r = Rational.fromNumber(value);
    else if (typeof value === 'string' && value.trim()) r = Rational.parse(value);
    else throw new RangeError('not a number');
  } catch {
    throw new PriceSourceError(`${at}: ${JSON.stringify(value)?.slice(0, 40)} is not a price; prices unchanged`);
  }
  return r.mul(scale).toDecimalString();
}

function readInt(value: unknown, at: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new PriceSourceError(`${at}: ${JSON.stringify(value)?.slice(0, 40)} is not a token count; prices unchanged`);
  }
  return value;
}

function schema(where: string, what: string): PriceSourceError {
  return new PriceSourceError(`${where}: unexpected format (${what}); prices unchanged`);
}
