/** The bill for past usage: tokens by kind at a moment, priced line by line like a provider console. */
import type { Catalog, TimeOfDaySchedule } from '../catalog/types';
import type { Bill, BillRequest, BillWindowSplit, CostLine, Note, UsageTokens } from './types';
import { currentPeriod } from '../catalog/catalog';
import { displayMoment } from '../catalog/moments';
import { Rational } from './rational';
import { CostError } from './errors';
import { checkRange, checkTokens, contextNotes, costLine, formerAliasNote, requireModel, roundTimes } from './common';
import { resolvePricing, type ResolvedPricing } from './resolve';
import { formatTokens } from '../format/tokens';

interface Amount {
  readonly kind: CostLine['kind'];
  readonly tokens: number;
}

/**
 * Prices usage: cache hit / miss / output, or plain input / output, or total tokens with an input share.
 * With `windowShares` or `windowTokens`, each kind is billed in a full-price and a discounted line.
 */
export function bill(catalog: Catalog, req: BillRequest): Bill {
  const model = requireModel(catalog, req.modelId, req.at);
  if (!(req.at instanceof Date) || Number.isNaN(req.at.getTime()))
    throw new CostError('bad-input', 'the moment to price is not a valid date');
  if (req.windowShares !== undefined && req.windowTokens !== undefined)
    throw new CostError('bad-input', 'give the time-of-day split as shares or as tokens, not both');
  const wantsSplit = req.windowShares !== undefined || req.windowTokens !== undefined;
  const schedule = wantsSplit ? currentPeriod(model, req.at)?.schedule : undefined;
  const promptTokens = req.longContext ? Number.POSITIVE_INFINITY : 0;
  const tables = { fx: req.fx ?? catalog.fx, holidays: catalog.holidays };
  const prices = resolvePricing(model, req.at, promptTokens, req.currency, tables, schedule ? 'full' : 'at');
  const notes = contextNotes(model, prices.context);
  const aliasNote = formerAliasNote(catalog, req.modelId, model, req.at);
  if (aliasNote) notes.unshift(aliasNote);
  const threshold = prices.context.longContextThreshold;
  if (!req.longContext && threshold !== undefined) {
    notes.push({
      kind: 'standard-tier',
      text: `billed at the standard tier: requests whose prompt reached ${formatTokens(threshold)} tokens were billed at the long-context rate; bill those separately with the long-context option`,
    });
  }
  const amounts = usageAmounts(req.tokens, notes);
  if (prices.cacheHit === null && amounts.some((a) => a.kind === 'cache-hit' && a.tokens > 0))
    notes.push({ kind: 'no-cache-price', text: 'no cached price is published here: cache-hit tokens are billed at the input price' });
  if (amounts.some((a) => a.kind === 'input') && prices.cacheHit !== null)
    notes.push({ kind: 'input-unsplit', text: 'input without a cache split is billed at the cache-miss price' });
  if (wantsSplit && !schedule)
    notes.push({
      kind: 'window-split-ignored',
      text: `${model.id} has no time-of-day prices at ${displayMoment(req.at)}: the window split is ignored`,
    });

  let lines: CostLine[];
  let windowSplit: BillWindowSplit | undefined;
  if (schedule) {
    const discounted = discountedAmounts(req, amounts);
    windowSplit = splitInfo(schedule, req.windowShares?.discounted);
    const discountedPrices = resolvePricing(model, req.at, promptTokens, req.currency, tables, 'discounted');
    lines = splitLines(amounts, discounted, prices, discountedPrices, schedule);
    notes.push({ kind: 'window-split', text: splitNote(windowSplit, amounts, discounted) });
    if (schedule.note) notes.push({ kind: 'window-caveat', text: schedule.note });
  } else {
    lines = amounts.map((a) => costLine(a.kind, a.tokens, priceOf(prices, a.kind)));
  }
  const total = lines.reduce((sum, l) => sum.add(l.cost), Rational.ZERO);
  return { modelId: model.id, ...(windowSplit ? { windowSplit } : {}), context: prices.context, lines, total, notes };
}

/** The tokens of a bill by kind, in line order; throws bad-input on a malformed shape. */
function usageAmounts(value: UsageTokens | undefined, notes: Note[] | undefined, what = ''): Amount[] {
  const tokens = value as Record<string, unknown> | undefined;
  const of = what ? `${what} ` : '';
  if (typeof tokens !== 'object' || tokens === null) throw new CostError('bad-input', `${of}usage tokens are required`);
  if ('cacheHit' in tokens || 'cacheMiss' in tokens) {
    return [
      { kind: 'cache-hit', tokens: checkTokens(tokens.cacheHit, `${of}cache-hit tokens`) },
      { kind: 'cache-miss', tokens: checkTokens(tokens.cacheMiss, `${of}cache-miss tokens`) },
      { kind: 'output', tokens: checkTokens(tokens.output, `${of}output tokens`) },
    ];
  }
  if ('input' in tokens) {
    return [
      { kind: 'input', tokens: checkTokens(tokens.input, `${of}input tokens`) },
      { kind: 'output', tokens: checkTokens(tokens.output, `${of}output tokens`) },
    ];
  }
  if ('total' in tokens) {
    const total = checkTokens(tokens.total, `${of}total tokens`);
    const share = checkRange(tokens.inputShare, `${of}input share`, 0, 1);
    const input = roundTimes(total, share);
    notes?.push({
      kind: 'token-split',
      text: `split ${formatTokens(total)} ${of}tokens as ${formatTokens(input)} input and ${formatTokens(total - input)} output (input share ${share})`,
    });
    return [
      { kind: 'input', tokens: input },
      { kind: 'output', tokens: total - input },
    ];
  }
  throw new CostError('bad-input', `${of}usage tokens must be cache hit + cache miss + output, input + output, or total + input share`);
}

/** Tokens of each kind used in the discounted window: a share of each, or counts given as usage tokens. */
function discountedAmounts(req: BillRequest, amounts: readonly Amount[]): Amount[] {
  if (req.windowShares !== undefined) {
    const share = checkRange((req.windowShares as { discounted?: unknown } | null)?.discounted, 'discounted window share', 0, 1);
    return amounts.map((a) => ({ kind: a.kind, tokens: roundTimes(a.tokens, share) }));
  }
  const given = (req.windowTokens as { discounted?: UsageTokens } | null)?.discounted;
  const discounted = usageAmounts(given, undefined, 'discounted-window');
  if (discounted.length !== amounts.length || discounted.some((d, i) => d.kind !== amounts[i].kind)) {
    throw new CostError('bad-input', 'discounted-window tokens must be of the same kinds as the usage tokens');
  }
  for (const [i, d] of discounted.entries()) {
    if (d.tokens > amounts[i].tokens)
      throw new CostError(
        'bad-input',
        `discounted-window ${d.kind} tokens (${d.tokens}) exceed the ${d.kind} tokens of the bill (${amounts[i].tokens})`,
      );
  }
  return discounted;
}

function splitLines(
  amounts: readonly Amount[],
  discounted: readonly Amount[],
  prices: ResolvedPricing,
  discountedPrices: ResolvedPricing,
  schedule: TimeOfDaySchedule,
): CostLine[] {
  const lines: CostLine[] = [];
  for (const [i, a] of amounts.entries()) {
    const d = discounted[i].tokens;
    lines.push({ ...costLine(a.kind, a.tokens - d, priceOf(prices, a.kind)), window: { discounted: false, label: schedule.fullLabel } });
    lines.push({ ...costLine(a.kind, d, priceOf(discountedPrices, a.kind)), window: { discounted: true, label: schedule.discountLabel } });
  }
  return lines;
}

function splitInfo(schedule: TimeOfDaySchedule, share: number | undefined): BillWindowSplit {
  return {
    full: { label: schedule.fullLabel },
    discounted: { label: schedule.discountLabel, multiplier: Rational.parse(schedule.multiplier) },
    ...(share !== undefined ? { discountedShare: share } : {}),
    ...(schedule.note ? { note: schedule.note } : {}),
  };
}

function splitNote(split: BillWindowSplit, amounts: readonly Amount[], discounted: readonly Amount[]): string {
  const all = amounts.reduce((n, a) => n + a.tokens, 0);
  const off = discounted.reduce((n, a) => n + a.tokens, 0);
  const how =
    split.discountedShare !== undefined
      ? `${percent(split.discountedShare)} of each kind`
      : `${off.toLocaleString('en-US')} of ${all.toLocaleString('en-US')} tokens`;
  return `split by time of day: ${how} in the ${split.discounted.label} window (prices × ${split.discounted.multiplier.toDecimalString()}), the rest at ${split.full.label} prices`;
}

/** A share as a percentage with at most one decimal ("70.8%", "75%"). */
function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function priceOf(prices: ResolvedPricing, kind: CostLine['kind']): Rational {
  if (kind === 'output') return prices.output;
  if (kind === 'cache-hit') return prices.cacheHit ?? prices.input;
  return prices.input;
}
