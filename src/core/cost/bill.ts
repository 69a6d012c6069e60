/** The bill for past usage: tokens by kind at a moment, priced line by line like a provider console. */
import type { Catalog } from '../catalog/types';
import type { Bill, BillRequest, CostLine } from './types';
import { Rational } from '../money';
import { CostError } from './errors';
import { checkRange, checkTokens, contextNotes, costLine, requireModel, roundTimes } from './common';
import { resolvePricing } from './resolve';

/** Prices usage: cache hit / miss / output, or plain input / output, or total tokens with an input share. */
export function bill(catalog: Catalog, req: BillRequest): Bill {
  const model = requireModel(catalog, req.modelId);
  if (!(req.at instanceof Date) || Number.isNaN(req.at.getTime())) throw new CostError('bad-input', 'the moment to price is not a valid date');
  const tokens = req.tokens as Record<string, unknown> | undefined;
  if (typeof tokens !== 'object' || tokens === null) throw new CostError('bad-input', 'usage tokens are required');
  const prices = resolvePricing(model, req.at, req.longContext ? Number.POSITIVE_INFINITY : 0, req.currency, req.fx ?? catalog.fx);
  const notes = contextNotes(model, prices.context);
  const threshold = prices.context.longContextThreshold;
  if (!req.longContext && threshold !== undefined) {
    notes.push(`billed at the standard tier: requests whose prompt reached ${threshold} tokens were billed at the long-context rate; bill those separately with the long-context option`);
  }
  const lines: CostLine[] = [];
  if ('cacheHit' in tokens || 'cacheMiss' in tokens) {
    const hit = checkTokens(tokens.cacheHit, 'cache-hit tokens');
    const miss = checkTokens(tokens.cacheMiss, 'cache-miss tokens');
    if (prices.cacheHit === null && hit > 0) notes.push('no cached price is published here: cache-hit tokens are billed at the input price');
    lines.push(costLine('cache-hit', hit, prices.cacheHit ?? prices.input), costLine('cache-miss', miss, prices.input));
    lines.push(costLine('output', checkTokens(tokens.output, 'output tokens'), prices.output));
  } else if ('input' in tokens) {
    lines.push(costLine('input', checkTokens(tokens.input, 'input tokens'), prices.input));
    lines.push(costLine('output', checkTokens(tokens.output, 'output tokens'), prices.output));
  } else if ('total' in tokens) {
    const total = checkTokens(tokens.total, 'total tokens');
    const share = checkRange(tokens.inputShare, 'input share', 0, 1);
    const input = roundTimes(total, share);
    lines.push(costLine('input', input, prices.input), costLine('output', total - input, prices.output));
    notes.push(`split ${total} tokens as ${input} input and ${total - input} output (input share ${share})`);
  } else {
    throw new CostError('bad-input', 'usage tokens must be cache hit + cache miss + output, input + output, or total + input share');
  }
  if (lines.some((l) => l.kind === 'input') && prices.cacheHit !== null) notes.push('input without a cache split is billed at the cache-miss price');
  const total = lines.reduce((sum, l) => sum.add(l.cost), Rational.ZERO);
  return { modelId: model.id, context: prices.context, lines, total, notes };
}
