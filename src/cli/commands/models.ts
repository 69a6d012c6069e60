/** `llm-cost models`: the catalog with prices, status, tokenizer, source and verified date. */
import type { CurrencyCode, ModelEntry, PriceList, PricePeriod } from '../../core/catalog/types';
import { defaultCatalog, listModels } from '../../core/catalog/catalog';
import { Rational } from '../../core/cost/rational';
import { discountedList } from '../../core/cost/schedule';
import { formatPrice } from '../../core/format/money';
import { formatTokens } from '../../core/format/tokens';
import { daysSince, formatAge } from '../../core/format/dates';
import { formatMultiplier, formatSchedule } from '../../core/format/pricing';
import { renderTable } from '../../core/format/table';
import { parseArgs } from '../args';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { MODELS_HELP } from '../help';
import { displayPeriod, formatStatus } from '../catalog';

const PROVIDERS = ['deepseek', 'mistral', 'xai'] as const;

/** Prints the catalog as a table or JSON. */
export function runModels(argv: readonly string[], io: CliIo): number {
  const args = parseArgs('models', argv, {
    provider: { type: 'string' },
    all: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.flag('help')) {
    io.stdout.write(MODELS_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length) throw new UsageError(`'models' takes no arguments, got '${args.positionals[0]}'`);
  const provider = args.string('provider');
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new UsageError(`--provider: '${provider}' is not one of ${PROVIDERS.join(', ')}`);
  }
  const now = io.now ?? new Date();
  const catalog = defaultCatalog();
  const models = listModels(catalog, {
    ...(provider ? { provider: provider as (typeof PROVIDERS)[number] } : {}),
    includeRetired: args.flag('all'),
  });
  io.stdout.write(args.flag('json') ? `${JSON.stringify(modelsJson(models, now), null, 2)}\n` : modelsTable(models, now));
  return EXIT.ok;
}

function modelsTable(models: readonly ModelEntry[], now: Date): string {
  const sources: string[] = [];
  const schedules: string[] = [];
  const rows: string[][] = [];
  for (const model of models) {
    const period = displayPeriod(model, now);
    const currencies = period ? Object.keys(period.prices) : [];
    const main = currencies.includes('USD') ? 'USD' : currencies[0];
    let ref = '';
    if (period) {
      const src = `${period.source.url}`;
      if (!sources.includes(src)) sources.push(src);
      ref = `[${sources.indexOf(src) + 1}]`;
      if (period.schedule) {
        const line = formatSchedule(period.schedule);
        if (!schedules.includes(line)) schedules.push(line);
      }
    }
    const verified = period ? `${period.source.verified} (${shortAge(period.source.verified, now)})` : '';
    rows.push([
      model.id,
      formatStatus(model),
      formatContext(model.contextWindow),
      model.tokenizer,
      ...priceCells(period, main),
      verified,
      ref,
    ]);
    if (!period) continue;
    for (const sub of subRows(period, main)) rows.push([`  ${sub.label}`, '', '', '', ...sub.cells, '', '']);
  }
  const table = renderTable(
    [
      { header: 'model' },
      { header: 'status' },
      { header: 'context', align: 'right' },
      { header: 'tokenizer' },
      { header: 'input/M', align: 'right' },
      { header: 'cached/M', align: 'right' },
      { header: 'output/M', align: 'right' },
      { header: 'verified' },
      { header: 'src' },
    ],
    rows,
  );
  const footer = [
    'Prices per million tokens: input on a cache miss, cached input (cache hit), output.',
    ...schedules.map((s) => `Time of day: ${s}.`),
    ...sources.map((s, i) => `[${i + 1}] ${s}`),
  ];
  return `${[...table, '', ...footer].join('\n')}\n`;
}

/** Extra lines under a model: other native currency lists, the discounted window, the long-context tier. */
function subRows(period: PricePeriod, main: CurrencyCode | undefined): { label: string; cells: string[] }[] {
  const out: { label: string; cells: string[] }[] = [];
  for (const currency of Object.keys(period.prices)) {
    if (currency !== main) out.push({ label: `${currency} list`, cells: priceCells(period, currency) });
  }
  const schedule = period.schedule;
  if (schedule && main) {
    const factor = Rational.parse(schedule.multiplier);
    const label = `${schedule.discountLabel} (${formatMultiplier(schedule.multiplier)})`;
    for (const currency of Object.keys(period.prices)) {
      const list = period.prices[currency];
      const published = discountedList(schedule, currency);
      if (list)
        out.push({
          label: Object.keys(period.prices).length > 1 ? `${label} ${currency}` : label,
          cells: published ? listCells(published, currency, Rational.ONE) : listCells(list, currency, factor),
        });
    }
  }
  const tier = period.longContext;
  if (tier && main && tier.prices[main]) {
    out.push({ label: `≥${compactTokens(tier.thresholdTokens)} prompt`, cells: listCells(tier.prices[main], main, Rational.ONE) });
  }
  return out;
}

function priceCells(period: PricePeriod | undefined, currency: CurrencyCode | undefined): string[] {
  const list = period && currency ? period.prices[currency] : undefined;
  return list && currency ? listCells(list, currency, Rational.ONE) : ['—', '—', '—'];
}

function listCells(list: PriceList, currency: CurrencyCode, factor: Rational): string[] {
  const show = (p: string | null) => (p === null ? '—' : formatPrice(Rational.parse(p).mul(factor), currency));
  return [show(list.input), show(list.cacheHit), show(list.output)];
}

function modelsJson(models: readonly ModelEntry[], now: Date): unknown {
  return {
    at: now.toISOString(),
    models: models.map((m) => {
      const period = displayPeriod(m, now);
      return {
        id: m.id,
        provider: m.provider,
        displayName: m.displayName,
        aliases: m.aliases,
        status: m.status,
        contextWindow: m.contextWindow,
        maxOutput: m.maxOutput ?? null,
        tokenizer: m.tokenizer,
        period: period ? { ...period, source: { ...period.source, ageDays: daysSince(period.source.verified, now) } } : null,
      };
    }),
  };
}

/** "1M", "500k", "262,144"; "—" where the catalog does not know it (0). */
function formatContext(tokens: number): string {
  if (tokens <= 0) return '—';
  return tokens % 1000 === 0 ? compactTokens(tokens) : formatTokens(tokens);
}

function compactTokens(tokens: number): string {
  if (tokens >= 1_000_000 && tokens % 1_000_000 === 0) return `${tokens / 1_000_000}M`;
  if (tokens % 1000 === 0) return `${tokens / 1000}k`;
  return formatTokens(tokens);
}

function shortAge(date: string, now: Date): string {
  const age = formatAge(date, now);
  return age.replace(/ days? ago$/, 'd ago');
}
