/** `llm-cost usage`: the bill for tokens already used, line by line, with the prices in force then. */
import type { Catalog, ModelEntry } from '../../core/catalog/types';
import type { Bill, CostLine, UsageTokens, WindowShares } from '../../core/cost/types';
import { currentPeriod } from '../../core/catalog/catalog';
import { bill } from '../../core/cost/bill';
import { hasTimeOfDayPricing, scheduleCoverage } from '../../core/cost/schedule';
import { formatDate, formatDateTime } from '../../core/format/dates';
import { formatMoney, formatPrice } from '../../core/format/money';
import { formatTokens } from '../../core/format/tokens';
import { describePricing } from '../../core/format/pricing';
import { renderTable } from '../../core/format/table';
import { parseArgs } from '../args';
import type { ParsedArgs } from '../args';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { cliCatalog } from '../priceHome';
import { USAGE_HELP } from '../help';
import { resolveModel } from '../catalog';
import { isDateOnly, parseCurrency, parseDate, parseFraction, parseTokens } from '../values';
import { fxTable } from '../fx';
import { extraNotes } from '../notes';
import { contextJson, lineJson, money } from './estimateJson';

const KIND_LABELS: Readonly<Record<CostLine['kind'], string>> = {
  'cache-hit': 'cache hit',
  'cache-miss': 'cache miss',
  input: 'input',
  output: 'output',
};

/** Prints the bill as a table or JSON. */
export function runUsage(argv: readonly string[], io: CliIo): number {
  const args = parseArgs('usage', argv, {
    model: { type: 'string' },
    at: { type: 'string' },
    currency: { type: 'string' },
    'cache-hit-tokens': { type: 'string' },
    'cache-miss-tokens': { type: 'string' },
    'input-tokens': { type: 'string' },
    'total-tokens': { type: 'string' },
    'input-share': { type: 'string' },
    'output-tokens': { type: 'string' },
    'long-context': { type: 'boolean' },
    'spread-evenly': { type: 'boolean' },
    'discounted-share': { type: 'string' },
    fx: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.flag('help')) {
    io.stdout.write(USAGE_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length) throw new UsageError(`'usage' takes no FILE, got '${args.positionals[0]}'`);
  const modelId = args.string('model');
  if (modelId === undefined) throw new UsageError(`'usage' needs --model ID (see 'llm-cost models --all')`);
  const tokens = readTokens(args);
  const atText = args.string('at');
  const now = io.now ?? new Date();
  const at = atText === undefined ? now : parseDate('at', atText);
  const currency = args.string('currency');
  const catalog = cliCatalog(io);
  const fx = fxTable(catalog.fx, args.string('fx'), io.env, now);
  const model = resolveModel(catalog, modelId, at);
  const windowShares = readWindowShares(args, catalog, model, at, atText !== undefined && isDateOnly(atText));
  const result = bill(catalog, {
    modelId,
    at,
    tokens,
    fx,
    longContext: args.flag('long-context'),
    ...(windowShares ? { windowShares } : {}),
    ...(currency !== undefined ? { currency: parseCurrency('currency', currency) } : {}),
  });
  io.stdout.write(args.flag('json') ? `${JSON.stringify(billJson(result), null, 2)}\n` : billTable(result));
  return EXIT.ok;
}

export const NEEDS_TIME_OF_DAY =
  'prices depend on the time of day: give a time (--at 2026-11-27T02:00Z), --spread-evenly or --discounted-share';

/**
 * The discounted-window share for a day's usage. A day alone cannot be priced at midnight's window on a
 * model with time-of-day prices: it needs --spread-evenly, --discounted-share or a time.
 */
function readWindowShares(args: ParsedArgs, catalog: Catalog, model: ModelEntry, at: Date, dayOnly: boolean): WindowShares | undefined {
  const shareText = args.string('discounted-share');
  const spread = args.flag('spread-evenly');
  if (spread && shareText !== undefined) throw new UsageError('give either --spread-evenly or --discounted-share, not both');
  if (shareText !== undefined) return { discounted: parseFraction('discounted-share', shareText) };
  if (spread) {
    const schedule = currentPeriod(model, at)?.schedule;
    if (!schedule) return { discounted: 0 };
    const dayStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
    return { discounted: scheduleCoverage(schedule, dayStart, catalog.holidays).discountedHours / 24 };
  }
  if (dayOnly && hasTimeOfDayPricing(model, at)) throw new UsageError(NEEDS_TIME_OF_DAY);
  return undefined;
}

const SPLIT = ['cache-hit-tokens', 'cache-miss-tokens'];
const ONE_OF =
  'give the input tokens one way: --cache-hit-tokens with --cache-miss-tokens, --input-tokens, or --total-tokens with --input-share';

function readTokens(args: ParsedArgs): UsageTokens {
  const modes = [SPLIT.some((o) => args.has(o)), args.has('input-tokens'), args.has('total-tokens') || args.has('input-share')];
  const chosen = modes.filter(Boolean).length;
  if (chosen !== 1) throw new UsageError(chosen === 0 ? `no input tokens: ${ONE_OF}` : ONE_OF);
  const get = (name: string) => {
    const v = args.string(name);
    if (v === undefined) throw new UsageError(`--${name} is missing: ${ONE_OF}`);
    return v;
  };
  if (modes[2]) {
    if (args.has('output-tokens')) {
      throw new UsageError('--output-tokens is implied by --total-tokens and --input-share (output = total × (1 − share)); leave it out');
    }
    return { total: parseTokens('total-tokens', get('total-tokens')), inputShare: parseFraction('input-share', get('input-share')) };
  }
  const outText = args.string('output-tokens');
  if (outText === undefined) throw new UsageError("'usage' needs --output-tokens N (0 if there was no output)");
  const output = parseTokens('output-tokens', outText);
  if (modes[1]) return { input: parseTokens('input-tokens', get('input-tokens')), output };
  return {
    cacheHit: parseTokens('cache-hit-tokens', get('cache-hit-tokens')),
    cacheMiss: parseTokens('cache-miss-tokens', get('cache-miss-tokens')),
    output,
  };
}

/** Each figure by the display rule; the exact column beside them is what adds up. */
function billTable(b: Bill): string {
  const currency = b.context.currency;
  const table = renderTable(
    [
      { header: 'kind' },
      { header: 'tokens', align: 'right' },
      { header: 'price/M', align: 'right' },
      { header: 'cost', align: 'right' },
      { header: 'exact', align: 'right' },
    ],
    [
      ...b.lines.map((l) => [
        kindLabel(l),
        formatTokens(l.tokens),
        formatPrice(l.pricePerMillion, currency),
        formatMoney(l.cost, currency),
        l.cost.toDecimalString(),
      ]),
      ['total', formatTokens(b.lines.reduce((n, l) => n + l.tokens, 0)), '', formatMoney(b.total, currency), b.total.toDecimalString()],
    ],
  );
  const head = `${b.modelId} at ${b.windowSplit ? formatDate(b.context.at.toISOString()) : formatDateTime(b.context.at)}, ${currency}`;
  return `${[head, '', ...table, '', ...describePricing(b.context), ...extraNotes(b.notes)].join('\n')}\n`;
}

/** "cache miss", or "cache miss (off-peak)" on a bill split by time of day. */
function kindLabel(line: CostLine): string {
  return line.window ? `${KIND_LABELS[line.kind]} (${line.window.label})` : KIND_LABELS[line.kind];
}

function billJson(b: Bill): unknown {
  return {
    model: b.modelId,
    currency: b.context.currency,
    at: b.context.at.toISOString(),
    lines: b.lines.map((l) => ({ ...(lineJson(l) as object), window: l.window?.label ?? null })),
    windowSplit: b.windowSplit
      ? {
          full: b.windowSplit.full.label,
          discounted: b.windowSplit.discounted.label,
          multiplier: b.windowSplit.discounted.multiplier.toDecimalString(),
          discountedShare: b.windowSplit.discountedShare ?? null,
          note: b.windowSplit.note ?? null,
        }
      : null,
    ...money('total', b.total),
    pricing: contextJson(b.context),
    notes: b.notes,
  };
}
