/** `llm-cost estimate`: what a prompt costs on one or more models, with an optional budget gate. */
import type { Catalog, FxTable, ModelEntry } from '../../core/catalog/types';
import type { CacheAssumption, OutputProjection } from '../../core/cost/types';
import { listModels } from '../../core/catalog/catalog';
import { estimate } from '../../core/cost/estimate';
import { contextFit } from '../../core/cost/contextFit';
import { hasTimeOfDayPricing } from '../../core/cost/schedule';
import { CostError } from '../../core/cost/errors';
import type { Rational } from '../../core/cost/rational';
import { formatDateTime } from '../../core/format/dates';
import { formatMoney } from '../../core/format/money';
import { fitNote, fitUsage } from '../../core/format/fit';
import { formatErrorBand, formatTokens } from '../../core/format/tokens';
import { describeConversion, describeTier, describeWindow } from '../../core/format/pricing';
import { renderTable } from '../../core/format/table';
import { csvTable, displayCells, markdownTable } from '../../core/view/exportTable';
import type { ExportRow } from '../../core/view/exportTable';
import { parseArgs } from '../args';
import type { ParsedArgs } from '../args';
import { EXIT, UsageError } from '../errors';
import { readInput } from '../io';
import type { CliIo } from '../io';
import { cliCatalog } from '../priceHome';
import { ESTIMATE_HELP } from '../help';
import { resolveModel } from '../catalog';
import { fxTable } from '../fx';
import { Warnings } from '../warnings';
import { Counter } from '../counting';
import { breakdownJson } from '../breakdown';
import { extraNotes } from '../notes';
import { isDateOnly, parseAmount, parseCurrency, parseDate, parseFraction, parseNonNegative, parseTokens } from '../values';
import { estimateJson } from './estimateJson';
import { promptModel } from '../declared';
import type { Row } from './estimateRows';

/** Default output projection: as many output tokens as input tokens (documented in --help). */
export const DEFAULT_RATIO = 1;
const DEFAULT_CURRENCY = 'USD';

interface Assumptions {
  readonly at: Date;
  /** --at was given; false means "now". */
  readonly atGiven: boolean;
  /** --at named a day without a time of day. */
  readonly dayOnly: boolean;
  readonly fx: FxTable;
  readonly output: OutputProjection;
  readonly cache: CacheAssumption;
  /** One currency for every row, so totals compare and --max-cost means one thing. */
  readonly currency: string;
  readonly maxCost?: Rational;
  /** Set when the output projection is the prompt file's own max_tokens: the file's label. */
  readonly outputLimitOf?: string;
}

/** Prints one line per model; exit 3 when --max-cost is exceeded. */
export async function runEstimate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs('estimate', argv, {
    model: { type: 'string', multiple: true },
    ratio: { type: 'string' },
    'output-tokens': { type: 'string' },
    'cache-hit': { type: 'string' },
    'cached-prefix-tokens': { type: 'string' },
    currency: { type: 'string' },
    at: { type: 'string' },
    fx: { type: 'string' },
    'max-cost': { type: 'string' },
    json: { type: 'boolean' },
    format: { type: 'string' },
    exact: { type: 'boolean' },
    plain: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.flag('help')) {
    io.stdout.write(ESTIMATE_HELP);
    return EXIT.ok;
  }
  const catalog = cliCatalog(io);
  const now = io.now ?? new Date();
  const given = readAssumptions(args, now, fxTable(catalog.fx, args.string('fx'), io.env, now));
  const warnings = new Warnings(io);
  const named = dedupe(args.strings('model').map((name) => ({ name, model: resolveModel(catalog, name, given.at) })));
  const input = await readInput(args.positionals, io, 'estimate');
  // Without --model, a prompt file that names a known model is priced for that model (and its max_tokens).
  const own = named.length ? undefined : promptModel(catalog, input, given.at, warnings);
  const outputGiven = args.string('ratio') !== undefined || args.string('output-tokens') !== undefined;
  const assumptions: Assumptions =
    own?.maxTokens !== undefined && !outputGiven ? { ...given, output: { tokens: own.maxTokens }, outputLimitOf: input.label } : given;
  const models = named.length
    ? named
    : own
      ? [{ name: own.model.id, model: own.model }]
      : modelsAt(catalog, assumptions).map((model) => ({ name: model.id, model }));
  if (own) warnings.warn(`pricing ${own.model.id}, the model ${input.label} names ('${own.name}'); --model chooses others`);
  warnDayOnly(
    models.map((m) => m.model),
    assumptions,
    warnings,
  );

  const rows: Row[] = [];
  const skipped: string[] = [];
  const counter = new Counter(io, { plain: args.flag('plain'), exact: args.flag('exact') });
  const format = outputFormat(args);
  const json = format === 'json';
  for (const { name, model } of models) {
    const count = await counter.count(input, model);
    try {
      const breakdown = json ? breakdownJson(input, model, count) : undefined;
      const e = estimate(catalog, requestFor(name, count.tokens, assumptions));
      rows.push({
        model,
        name,
        count,
        estimate: e,
        fit: contextFit(model, count.tokens, e.output.tokens),
        ...(breakdown ? { breakdown } : {}),
      });
    } catch (err) {
      // A model named but not priced at that moment is an error; an unnamed one is left out and listed.
      if (!(err instanceof CostError) || err.code !== 'no-price-period' || named.length) throw err;
      skipped.push(model.id);
    }
  }
  if (!rows.length) throw new UsageError(`no listed model has a price at ${formatDateTime(assumptions.at)}`);

  for (const { model, fit } of rows) {
    if (!fit.fits) warnings.warn(`${model.id}: the prompt ${fitNote(fit)} (${fitUsage(fit)})`);
  }
  const over = assumptions.maxCost ? rows.filter((r) => r.estimate.total.cmp(assumptions.maxCost as Rational) > 0) : [];
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify(estimateJson(rows, input.label, assumptions, over, skipped), null, 2)}\n`);
  } else if (format === 'table') {
    io.stdout.write(estimateTable(rows, assumptions, skipped));
  } else {
    const exported = rows.map(exportRow);
    io.stdout.write(
      format === 'md' ? markdownTable(exported, cacheAssumed(assumptions.cache)) : csvTable(exported, cacheAssumed(assumptions.cache)),
    );
  }
  if (over.length && assumptions.maxCost) {
    const max = assumptions.maxCost;
    const currency = rows[0].estimate.context.currency;
    // Rounded figures can look equal to the budget: then every figure is shown exactly as well.
    const ambiguous = over.some((r) => formatMoney(r.estimate.total, currency) === formatMoney(max, currency));
    const shown = (amount: Rational) => `${formatMoney(amount, currency)}${ambiguous ? ` (${amount.toDecimalString()})` : ''}`;
    const which = over.map((r) => `${r.model.id} ${shown(r.estimate.total)}`).join(', ');
    io.stderr.write(`llm-cost: over budget: ${which} > --max-cost ${shown(max)}\n`);
    return EXIT.overBudget;
  }
  return EXIT.ok;
}

const FORMATS = ['table', 'md', 'csv', 'json'] as const;

/** --format table|md|csv|json; --json is --format json. */
function outputFormat(args: ParsedArgs): (typeof FORMATS)[number] {
  const given = args.string('format');
  if (given === undefined) return args.flag('json') ? 'json' : 'table';
  const format = FORMATS.find((f) => f === given.trim().toLowerCase());
  if (!format) throw new UsageError(`--format: '${given}' is not one of ${FORMATS.join(', ')}`);
  if (args.flag('json') && format !== 'json') throw new UsageError(`--json is --format json: give one of them, not --format ${format}`);
  return format;
}

function readAssumptions(args: ParsedArgs, now: Date, fx: FxTable): Assumptions {
  const ratio = args.string('ratio');
  const outTokens = args.string('output-tokens');
  if (ratio !== undefined && outTokens !== undefined) throw new UsageError('give either --ratio or --output-tokens, not both');
  const hit = args.string('cache-hit');
  const prefix = args.string('cached-prefix-tokens');
  if (hit !== undefined && prefix !== undefined) throw new UsageError('give either --cache-hit or --cached-prefix-tokens, not both');
  const currency = args.string('currency');
  const at = args.string('at');
  const max = args.string('max-cost');
  return {
    at: at === undefined ? now : parseDate('at', at),
    atGiven: at !== undefined,
    dayOnly: at !== undefined && isDateOnly(at),
    fx,
    output:
      outTokens !== undefined
        ? { tokens: parseTokens('output-tokens', outTokens) }
        : { ratio: ratio === undefined ? DEFAULT_RATIO : parseNonNegative('ratio', ratio) },
    cache:
      prefix !== undefined
        ? { cachedPrefixTokens: parseTokens('cached-prefix-tokens', prefix) }
        : { hitRatio: hit === undefined ? 0 : parseFraction('cache-hit', hit) },
    currency: currency === undefined ? DEFAULT_CURRENCY : parseCurrency('currency', currency),
    ...(max !== undefined ? { maxCost: parseAmount('max-cost', max) } : {}),
  };
}

function requestFor(name: string, inputTokens: number, a: Assumptions) {
  return { modelId: name, inputTokens, at: a.at, output: a.output, cache: a.cache, currency: a.currency, fx: a.fx };
}

/** With --at, the models offered at that moment; otherwise today's current ones. */
/** The models listed without --model: those offered at --at (or current), embedding models (input only) left to --model. */
function modelsAt(catalog: Catalog, a: Assumptions): ModelEntry[] {
  const offered = a.atGiven ? listModels(catalog, { at: a.at }) : listModels(catalog, {}).filter((m) => m.status.kind === 'current');
  return offered.filter((m) => !m.inputOnly);
}

function dedupe<T extends { readonly model: ModelEntry }>(named: readonly T[]): T[] {
  return named.filter((n, i) => named.findIndex((o) => o.model.id === n.model.id) === i);
}

/** A day alone is priced at 00:00 UTC: say so where that instant's window decides the price. */
function warnDayOnly(models: readonly ModelEntry[], a: Assumptions, warnings: Warnings): void {
  if (!a.dayOnly) return;
  const timed = models.filter((m) => hasTimeOfDayPricing(m, a.at)).map((m) => m.id);
  if (!timed.length) return;
  const day = a.at.toISOString().slice(0, 10);
  warnings.warn(
    `--at ${day} has no time: ${timed.join(', ')} priced at 00:00 UTC, but ${timed.length > 1 ? 'their prices depend' : 'its price depends'} on the time of day (give a time, e.g. --at ${day}T02:00Z)`,
  );
}

function cacheAssumed(cache: CacheAssumption): boolean {
  return 'hitRatio' in cache ? cache.hitRatio > 0 : cache.cachedPrefixTokens > 0;
}

function estimateTable(rows: readonly Row[], a: Assumptions, skipped: readonly string[]): string {
  const cached = cacheAssumed(a.cache);
  const table = renderTable(
    [
      { header: 'model' },
      { header: 'tokens', align: 'right' },
      { header: 'input', align: 'right' },
      { header: 'cache saving', align: 'right' },
      { header: 'output', align: 'right' },
      { header: 'total', align: 'right' },
      { header: 'window', align: 'right' },
    ],
    [...rows.map((r) => displayCells(exportRow(r), cached))],
  );
  return `${[...table, '', ...footer(rows, a, skipped)].join('\n')}\n`;
}

function footer(rows: readonly Row[], a: Assumptions, skipped: readonly string[]): string[] {
  const currency = rows[0].estimate.context.currency;
  const out =
    'ratio' in a.output
      ? `output projected at ${a.output.ratio} × the input tokens`
      : `output projected at ${formatTokens(a.output.tokens)} tokens${a.outputLimitOf ? ` (the max_tokens ${a.outputLimitOf} sets)` : ''}`;
  const cache =
    'hitRatio' in a.cache
      ? a.cache.hitRatio > 0
        ? `${+(a.cache.hitRatio * 100).toFixed(4)}% of the input a cache hit`
        : 'no cache hits assumed'
      : `the first ${formatTokens(a.cache.cachedPrefixTokens)} input tokens a cache hit`;
  const lines = [
    `Prices in ${currency} at ${formatDateTime(a.at)}; ${out}; ${cache}.`,
    'window: input plus projected output as a share of the model\'s context window ("near" from 90%).',
  ];
  const grouped = new Map<string, string[]>();
  const add = (line: string | null, id: string) => {
    if (line) grouped.set(line, [...(grouped.get(line) ?? []), id]);
  };
  for (const { model, count, estimate: e } of rows) {
    add(describeWindow(e.context), model.id);
    add(describeTier(e.context), model.id);
    add(describeConversion(e.context), model.id);
    if (!count.exact) {
      add(`≈ counts are estimates (${count.label})${count.errorBand ? `, error band ${formatErrorBand(count.errorBand)}` : ''}`, model.id);
    }
    for (const note of extraNotes(e.notes)) add(note, model.id);
  }
  for (const [line, ids] of grouped) lines.push(`${ids.length === rows.length && rows.length > 1 ? 'all' : ids.join(', ')}: ${line}`);
  if (skipped.length) lines.push(`not listed (no price at that moment): ${skipped.join(', ')}`);
  return lines;
}

/** A row as the export tables (and the table above) take it. */
function exportRow(r: Row): ExportRow {
  return { modelId: r.model.id, count: r.count, estimate: r.estimate, fit: r.fit };
}
