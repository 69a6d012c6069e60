/**
 * "Update prices": reads a live source, a file or an address, shows every difference (model, field, old → new,
 * source; holiday-calendar years added), keeps the ones accepted.
 */
import * as vscode from '../vscodeApi';
import type { RefreshDiff } from '../../core/catalog/priceRefresh';
import { PriceSourceError } from '../../core/remote/priceFetch';
import { NAMED_SOURCES } from '../../core/remote/priceSources';
import type { NamedSource } from '../../core/remote/priceSources';
import type { CalendarYearChange } from '../../core/catalog/holidayRefresh';
import type { PriceChange } from '../../core/catalog/priceRefresh';
import { calendarYearLine, changeRatio, exactPrice, fieldLabel, priceChangeLine, refreshSummary } from '../../core/view/priceDiffRows';
import type { Notifier } from '../config/notifier';
import type { PricesService, SourceChoice } from '../prices/pricesService';
import { COMMANDS } from './ids';

const SOURCE_LABELS: Readonly<Record<NamedSource, string>> = {
  litellm: "LiteLLM's price file (GitHub, public)",
  'genai-prices': "pydantic's genai-prices data (GitHub, public)",
  xai: "xAI's model list (api.x.ai, with your stored xAI key)",
};

/** Automation and tests: `{ source | file | url, acceptAll }` skips both questions. */
interface UpdateArgs {
  readonly source?: SourceChoice;
  readonly acceptAll?: boolean;
}

const OTHER_SOURCES = [
  { label: 'A file…', description: 'prices, or a holiday calendar shaped like the catalog’s data/holidays.json', other: 'file' },
  { label: 'An address…', description: 'an http(s) URL of prices or of a holiday calendar', other: 'url' },
] as const;

/** Registers llmCost.updatePrices; resolves to the number of prices accepted (undefined when cancelled or failed). */
export function registerUpdatePrices(prices: PricesService, notifier: Notifier): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.updatePrices, async (given?: unknown) => {
    const args = readArgs(given);
    const source = args.source ?? (await pickSource(prices.settings().source));
    if (!source) return undefined;
    let diff: RefreshDiff;
    try {
      diff = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `LLM Cost: reading prices from ${sourceLabel(source)}…` },
        () => prices.check(source),
      );
    } catch (e) {
      void notifier.show('error', `LLM Cost: ${e instanceof PriceSourceError ? e.message : `price update failed: ${String(e)}`}`);
      return undefined;
    }
    return reviewPrices(prices, notifier, diff, args.acceptAll === true);
  });
}

/** Shows the diff for acceptance (all selected by default); held-back changes and years are listed, never applied. */
export async function reviewPrices(
  prices: PricesService,
  notifier: Notifier,
  diff: RefreshDiff,
  acceptAll = false,
): Promise<number | undefined> {
  const held = [...diff.held.map(priceChangeLine), ...diff.heldYears.map(calendarYearLine)];
  if (held.length) {
    void notifier.show(
      'warning',
      `LLM Cost: ${held.length} ${held.length === 1 ? 'change' : 'changes'} held back (never applied): ${held.slice(0, 3).join('; ')}`,
    );
  }
  if (!diff.changes.length && !diff.years.length) {
    const none = diff.format === 'holidays' ? 'no holiday-calendar years to add' : 'no price differences';
    void notifier.show('info', `LLM Cost: ${none} from ${diff.source}. ${refreshSummary(diff)}`);
    return 0;
  }
  let accepted: readonly PriceChange[] = diff.changes;
  let years: readonly CalendarYearChange[] = diff.years;
  if (!acceptAll) {
    const fetched = `fetched ${diff.fetchedAt.slice(0, 10)}`;
    const items = [
      ...diff.changes.map((change) => ({
        label: `${change.model} · ${fieldLabel(change.field)}`,
        description: `${exactPrice(change.old)} → ${exactPrice(change.new)} per M (${changeRatio(change)})`,
        detail: `from ${change.source}, ${fetched}`,
        picked: true,
        change,
      })),
      ...diff.years.map((year) => ({
        label: `${year.calendar} ${year.year.year} holidays`,
        description: calendarYearLine(year).replace(/^\S+ \d+ holidays: /, ''),
        detail: `from ${year.source}, ${fetched}`,
        picked: true,
        year,
      })),
    ];
    const picks = await vscode.window.showQuickPick(items, {
      title: `Prices from ${diff.source}, fetched ${diff.fetchedAt.slice(0, 16).replace('T', ' ')} UTC`,
      placeHolder: `${refreshSummary(diff)} Untick what you do not want; Enter keeps the ticked prices.`,
      canPickMany: true,
      ignoreFocusOut: true,
      matchOnDescription: true,
    });
    if (!picks) return undefined;
    accepted = picks.flatMap((p) => ('change' in p ? [p.change] : []));
    years = picks.flatMap((p) => ('year' in p ? [p.year] : []));
  }
  const n = await prices.accept(diff, accepted, years);
  if (n) {
    const kept = [
      ...(accepted.length ? [`${accepted.length} ${accepted.length === 1 ? 'price' : 'prices'}`] : []),
      ...years.map((y) => `the ${y.calendar} ${y.year.year} holidays`),
    ].join(' and ');
    void notifier.show(
      'info',
      `LLM Cost: kept ${kept} from ${diff.source}, fetched ${diff.fetchedAt.slice(0, 10)}. "LLM Cost: Revert to bundled prices" undoes it.`,
    );
  }
  return n;
}

/** The live sources, the configured one first, then a file or an address (asked for next). */
async function pickSource(preferred: NamedSource): Promise<SourceChoice | undefined> {
  const order = [preferred, ...NAMED_SOURCES.filter((s) => s !== preferred)];
  const pick = await vscode.window.showQuickPick(
    [...order.map((source) => ({ label: source, description: SOURCE_LABELS[source], source })), ...OTHER_SOURCES],
    { title: 'Update prices from', placeHolder: 'Only this source is contacted; nothing about your prompts is sent.' },
  );
  if (!pick) return undefined;
  if ('source' in pick) return pick.source;
  if (pick.other === 'file') {
    const files = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json'] }, title: 'Prices or holidays' });
    return files?.[0] ? { file: files[0].fsPath } : undefined;
  }
  const url = await vscode.window.showInputBox({
    title: 'Address of prices or a holiday calendar',
    placeHolder: 'https://…',
    validateInput: (v) => (isHttpUrl(v) ? undefined : 'An http(s) address'),
  });
  return url ? { url: url.trim() } : undefined;
}

function sourceLabel(source: SourceChoice): string {
  return typeof source === 'string' ? source : 'file' in source ? source.file : source.url;
}

function isHttpUrl(text: string): boolean {
  return /^https?:\/\/\S+$/i.test(text.trim());
}

function readArgs(given: unknown): UpdateArgs {
  if (typeof given !== 'object' || given === null) return {};
  const g = given as Record<string, unknown>;
  const source: SourceChoice | undefined = (NAMED_SOURCES as readonly unknown[]).includes(g.source)
    ? (g.source as NamedSource)
    : typeof g.file === 'string' && g.file
      ? { file: g.file }
      : typeof g.url === 'string' && isHttpUrl(g.url)
        ? { url: g.url.trim() }
        : undefined;
  return { ...(source ? { source } : {}), acceptAll: g.acceptAll === true };
}
