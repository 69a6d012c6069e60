/** `llm-cost usage`: the bill for tokens already used, line by line, with the prices in force then. */
import type { Bill, CostLine, UsageTokens } from '../../core/cost/types';
import { defaultCatalog } from '../../core/catalog/catalog';
import { bill } from '../../core/cost/bill';
import { formatDateTime } from '../../core/format/dates';
import { formatMoney, formatPrice } from '../../core/format/money';
import { formatTokens } from '../../core/format/tokens';
import { describePricing } from '../../core/format/pricing';
import { renderTable } from '../../core/format/table';
import { parseArgs } from '../args';
import type { ParsedArgs } from '../args';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { USAGE_HELP } from '../help';
import { resolveModel } from '../catalog';
import { parseCurrency, parseDate, parseFraction, parseTokens } from '../values';
import { extraNotes } from '../notes';
import { contextJson, lineJson, money } from './estimateJson';

const KIND_LABELS: Readonly<Record<CostLine['kind'], string>> = {
  'cache-hit': 'cache hit',
  'cache-miss': 'cache miss',
  input: 'input',
  output: 'output',
};

/** Prints the bill as a table or JSON. */
export async function runUsage(argv: readonly string[], io: CliIo): Promise<number> {
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
  const at = args.string('at') === undefined ? (io.now ?? new Date()) : parseDate('at', args.string('at') as string);
  const currency = args.string('currency');
  const catalog = defaultCatalog();
  const model = resolveModel(catalog, modelId);
  const result = bill(catalog, { modelId: model.id, at, tokens, longContext: args.flag('long-context'), ...(currency !== undefined ? { currency: parseCurrency('currency', currency) } : {}) });
  io.stdout.write(args.flag('json') ? `${JSON.stringify(billJson(result), null, 2)}\n` : billTable(result));
  return EXIT.ok;
}

const SPLIT = ['cache-hit-tokens', 'cache-miss-tokens'];
const ONE_OF = "give the input tokens one way: --cache-hit-tokens with --cache-miss-tokens, --input-tokens, or --total-tokens with --input-share";

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
  return { cacheHit: parseTokens('cache-hit-tokens', get('cache-hit-tokens')), cacheMiss: parseTokens('cache-miss-tokens', get('cache-miss-tokens')), output };
}

function billTable(b: Bill): string {
  const currency = b.context.currency;
  const table = renderTable(
    [{ header: 'kind' }, { header: 'tokens', align: 'right' }, { header: 'price/M', align: 'right' },
      { header: 'cost', align: 'right' }, { header: 'exact', align: 'right' }],
    [
      ...b.lines.map((l) => [KIND_LABELS[l.kind], formatTokens(l.tokens), formatPrice(l.pricePerMillion, currency),
        formatMoney(l.cost, currency), l.cost.toDecimalString()]),
      ['total', formatTokens(b.lines.reduce((n, l) => n + l.tokens, 0)), '', formatMoney(b.total, currency), b.total.toDecimalString()],
    ],
  );
  const head = `${b.modelId} at ${formatDateTime(b.context.at)}, ${currency}`;
  return `${[head, '', ...table, '', ...describePricing(b.context), ...extraNotes(b.context, b.notes)].join('\n')}\n`;
}

function billJson(b: Bill): unknown {
  return {
    model: b.modelId,
    currency: b.context.currency,
    at: b.context.at.toISOString(),
    lines: b.lines.map(lineJson),
    ...money('total', b.total),
    pricing: contextJson(b.context),
    notes: b.notes,
  };
}
