/** The comparison panel's usage bill: every model billed for the same tokens and day, split by time of day where prices depend on it. Pure. */
import type { Catalog, CurrencyCode, ModelEntry } from '../catalog/types';
import type { Bill, WindowShares } from '../cost/types';
import type { BillInputs, BillRow, BillTiming, PriceNote } from './viewTypes';
import { currentPeriod } from '../catalog/catalog';
import { bill } from '../cost/bill';
import { hasTimeOfDayPricing, scheduleCoverage } from '../cost/schedule';
import { formatBreakdown, formatPricePerMillion } from '../format/money';
import { formatTokens } from '../format/tokens';
import { Footnotes, shortNotes, withFootnote } from './noteLines';
import { errorMessage } from '../format/errorMessage';

const DASH = '—';

const BILL_LABELS: Readonly<Record<string, string>> = {
  'cache-hit': 'Input (cache hit)',
  'cache-miss': 'Input (cache miss)',
  input: 'Input',
  output: 'Output',
};

/** The bill inputs' timing, "at-time" when absent. */
export function billTiming(inputs: Pick<BillInputs, 'timing'>): BillTiming {
  return inputs.timing ?? { kind: 'at-time' };
}

/** The UTC instant whose prices apply: the date and time given, or the start of the day for a day spread over windows. */
export function billMoment(inputs: Pick<BillInputs, 'date' | 'time' | 'timing'>): Date {
  const time = billTiming(inputs).kind === 'at-time' ? inputs.time : '00:00';
  return new Date(`${inputs.date}T${time}:00Z`);
}

/** Share (0…1) of the day's tokens in the discounted window, or undefined where the time of day does not matter or is given. */
export function discountedShare(catalog: Catalog, model: ModelEntry, inputs: BillInputs): number | undefined {
  const timing = billTiming(inputs);
  if (timing.kind === 'at-time') return undefined;
  const at = billMoment(inputs);
  if (!hasTimeOfDayPricing(model, at)) return undefined;
  if (timing.kind === 'share') return timing.discountedShare;
  const schedule = currentPeriod(model, at)!.schedule!;
  return scheduleCoverage(schedule, at, catalog.holidays).discountedHours / 24;
}

/** Every model's bill for the bill inputs, line by line; long caveats collected once in the returned footnotes. */
export function billRows(
  catalog: Catalog,
  models: readonly ModelEntry[],
  inputs: BillInputs,
  currency: CurrencyCode,
): { rows: BillRow[]; caveats: string[] } {
  const footnotes = new Footnotes();
  const rows = models.map((model) => billRow(catalog, model, inputs, currency, footnotes));
  // Models with no bill (no price at that date) go last, in their order.
  rows.sort((a, b) => Number(a.error !== undefined) - Number(b.error !== undefined));
  return { rows, caveats: footnotes.list() };
}

function billRow(catalog: Catalog, model: ModelEntry, inputs: BillInputs, currency: CurrencyCode, footnotes: Footnotes): BillRow {
  const base = { modelId: model.id, displayName: model.displayName };
  const at = billMoment(inputs);
  const share = discountedShare(catalog, model, inputs);
  const windowShares: WindowShares | undefined = share === undefined ? undefined : { discounted: share };
  let result: Bill;
  try {
    result = bill(catalog, {
      modelId: model.id,
      at,
      currency,
      tokens: { cacheHit: inputs.cacheHit, cacheMiss: inputs.cacheMiss, output: inputs.output },
      longContext: inputs.longContext === true,
      ...(windowShares ? { windowShares } : {}),
    });
  } catch (err) {
    return { ...base, lines: [], total: DASH, notes: [], error: errorMessage(err) };
  }
  const shown = formatBreakdown(
    result.lines.map((line) => line.cost),
    result.total,
    currency,
  );
  return {
    ...base,
    lines: result.lines.map((line, i) => ({
      label: `${BILL_LABELS[line.kind] ?? line.kind}${line.window ? `, ${line.window.label}` : ''}`,
      tokens: formatTokens(line.tokens),
      price: formatPricePerMillion(line.pricePerMillion, currency),
      cost: shown.parts[i],
    })),
    total: shown.total,
    notes: billNotes(catalog, model, result, inputs, footnotes),
  };
}

/** The split in words ("spread evenly: 17 of 24 h off-peak ×0.5"), then the short context notes. */
function billNotes(catalog: Catalog, model: ModelEntry, result: Bill, inputs: BillInputs, footnotes: Footnotes): PriceNote[] {
  const split = result.windowSplit;
  if (!split) return shortNotes(result.context, result.notes, footnotes, false);
  const timing = billTiming(inputs);
  const discount = `${split.discounted.label} ×${split.discounted.multiplier.toDecimalString()}`;
  let text: string;
  if (timing.kind === 'spread') {
    const at = billMoment(inputs);
    const hours = scheduleCoverage(currentPeriod(model, at)!.schedule!, at, catalog.holidays).discountedHours;
    text =
      hours >= 24
        ? `spread evenly over the day: all 24 h ${discount}`
        : hours <= 0
          ? `spread evenly over the day: all 24 h ${split.full.label}`
          : `spread evenly over the day: ${formatHours(hours)} of 24 h ${discount}, the rest ${split.full.label}`;
  } else {
    text = `${formatPercent(split.discountedShare ?? 0)} of each kind ${discount}, the rest ${split.full.label}`;
  }
  return [withFootnote(text, split.note, footnotes), ...shortNotes(result.context, result.notes, footnotes, false)];
}

function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

function formatPercent(share: number): string {
  return `${Math.round(share * 10_000) / 100}%`;
}
