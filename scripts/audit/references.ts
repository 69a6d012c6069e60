/** The audit's reference catalogs, from the pinned devDependencies: @pydantic/genai-prices and ai-sdk-cost-calculator. */
import { findProvider } from '@pydantic/genai-prices';
import { deepseekPricing, xaiPricing } from 'ai-sdk-cost-calculator';
import { Rational } from '../../src/core/cost/rational';
import { parseQuotes } from '../../src/core/remote/priceParsers';
import type { PriceQuote, QuotedList, QuoteSet } from '../../src/core/remote/priceQuotes';

/** genai-prices' providers as its package holds them, read with the same parser as a live refresh. */
export function genaiPricesReference(now: Date): QuoteSet {
  const data = ['deepseek', 'mistral', 'x-ai'].map((id) => JSON.parse(JSON.stringify(findProvider({ providerId: id }))) as unknown);
  return {
    source: 'genai-prices',
    format: 'npm-package',
    fetchedAt: now.toISOString(),
    quotes: parseQuotes(data, 'genai-prices', 'genai-prices', now),
  };
}

interface AiSdkPricing {
  inputPer1MTokens: number;
  outputPer1MTokens: number;
  cacheReadPer1MTokens?: number;
  longContextThreshold?: number;
  longContextThresholdInclusive?: boolean;
  longContextInputPer1MTokens?: number;
  longContextOutputPer1MTokens?: number;
  longContextCacheReadPer1MTokens?: number;
}

/** ai-sdk-cost-calculator's xAI and DeepSeek tables (it has no Mistral); a non-inclusive threshold t means "t + 1 or more". */
export function aiSdkReference(now: Date): QuoteSet {
  const quotes: PriceQuote[] = [];
  const tables: [PriceQuote['provider'], Record<string, AiSdkPricing>][] = [
    ['xai', xaiPricing],
    ['deepseek', deepseekPricing],
  ];
  for (const [provider, table] of tables) {
    for (const [id, p] of Object.entries(table)) {
      const prices = list(p.inputPer1MTokens, p.cacheReadPer1MTokens, p.outputPer1MTokens);
      const t = p.longContextThreshold;
      const long = t
        ? {
            thresholdTokens: p.longContextThresholdInclusive ? t : t + 1,
            prices: list(p.longContextInputPer1MTokens, p.longContextCacheReadPer1MTokens, p.longContextOutputPer1MTokens),
          }
        : undefined;
      quotes.push({ provider, id, aliases: [], prices, ...(long ? { longContext: long } : {}) });
    }
  }
  return { source: 'ai-sdk-cost-calculator', format: 'npm-package', fetchedAt: now.toISOString(), quotes };
}

function list(input?: number, cacheHit?: number, output?: number): QuotedList {
  const d = (n: number | undefined) => (n === undefined ? undefined : Rational.fromNumber(n).toDecimalString());
  const out: { input?: string; cacheHit?: string; output?: string } = {};
  if (input !== undefined) out.input = d(input);
  if (cacheHit !== undefined) out.cacheHit = d(cacheHit);
  if (output !== undefined) out.output = d(output);
  return out;
}
