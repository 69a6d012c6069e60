/** The cost of a prompt before it is sent: cache hits and misses, projected output, cache saving. */
import type { Catalog } from '../catalog/types';
import type { Estimate, EstimateRequest } from './types';
import type { Rational } from './rational';
import { CostError } from './errors';
import { checkRange, checkTokens, contextNotes, costLine, floorTimes, formerAliasNote, requireModel, roundTimes } from './common';
import { resolvePricing } from './resolve';
import { fromUserSettings } from '../format/pricing';

/** Prices one request: input tokens split into cache hits and misses, output projected by ratio or count. */
export function estimate(catalog: Catalog, req: EstimateRequest): Estimate {
  const at = req.at ?? new Date();
  const model = requireModel(catalog, req.modelId, at);
  const inputTokens = checkTokens(req.inputTokens, 'input tokens');
  const outputTokens = projectOutput(req, inputTokens);
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new CostError('bad-input', 'the moment to price is not a valid date');
  const prices = resolvePricing(model, at, inputTokens, req.currency, { fx: req.fx ?? catalog.fx, holidays: catalog.holidays });
  const notes = contextNotes(model, prices.context);
  const aliasNote = formerAliasNote(catalog, req.modelId, model, at);
  if (aliasNote) notes.unshift(aliasNote);

  let hitTokens = cachedTokens(req, inputTokens);
  if (prices.cacheHit === null) {
    if (hitTokens > 0 || inputTokens > 0) {
      notes.push({
        kind: 'no-cache-price',
        text:
          prices.context.tier === 'long-context'
            ? 'no cached price is published for the long-context tier: cached tokens are billed at its input price'
            : fromUserSettings(prices.context.period)
              ? 'the prices from your settings have no cached price: all input is billed as cache miss'
              : 'no cached price is published for this model: all input is billed as cache miss',
      });
    }
    hitTokens = 0;
  }
  const cacheHit = costLine('cache-hit', hitTokens, prices.cacheHit ?? prices.input);
  const cacheMiss = costLine('cache-miss', inputTokens - hitTokens, prices.input);
  const output = costLine('output', outputTokens, prices.output);
  const total = inputCost({ cacheHit, cacheMiss }).add(output.cost);
  const totalWithoutCache = costLine('input', inputTokens, prices.input).cost.add(output.cost);
  return {
    modelId: model.id,
    context: prices.context,
    cacheHit,
    cacheMiss,
    output,
    total,
    totalWithoutCache,
    cacheSaving: totalWithoutCache.sub(total),
    notes,
  };
}

/** The cost of all input: the cache-hit line plus the cache-miss line. */
export function inputCost(e: Pick<Estimate, 'cacheHit' | 'cacheMiss'>): Rational {
  return e.cacheHit.cost.add(e.cacheMiss.cost);
}

function projectOutput(req: EstimateRequest, inputTokens: number): number {
  const projection = req.output as { ratio?: unknown; tokens?: unknown } | undefined;
  if (typeof projection === 'object' && projection !== null && 'ratio' in projection) {
    const ratio = checkRange(projection.ratio, 'output ratio', 0, Infinity);
    return checkTokens(roundTimes(inputTokens, ratio), 'projected output tokens');
  }
  if (typeof projection === 'object' && projection !== null && 'tokens' in projection)
    return checkTokens(projection.tokens, 'output tokens');
  throw new CostError('bad-input', 'an output projection is required: a ratio or a number of tokens');
}

function cachedTokens(req: EstimateRequest, inputTokens: number): number {
  const cache = req.cache as { hitRatio?: unknown; cachedPrefixTokens?: unknown } | undefined;
  if (typeof cache === 'object' && cache !== null && 'hitRatio' in cache)
    return floorTimes(inputTokens, checkRange(cache.hitRatio, 'cache hit ratio', 0, 1));
  if (typeof cache === 'object' && cache !== null && 'cachedPrefixTokens' in cache)
    return Math.min(checkTokens(cache.cachedPrefixTokens, 'cached prefix tokens'), inputTokens);
  throw new CostError('bad-input', 'a cache assumption is required: a hit ratio or a number of cached prefix tokens');
}
