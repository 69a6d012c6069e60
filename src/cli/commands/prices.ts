/** `llm-cost prices check|update|revert`: compare, accept or drop refreshed prices from live sources. */
import { readFile, stat } from 'node:fs/promises';
import { applyStore } from '../../core/catalog/priceStore';
import { withAccepted } from '../../core/catalog/priceStore';
import { defaultCatalog } from '../../core/catalog/catalog';
import { diffPrices } from '../../core/catalog/priceRefresh';
import type { RefreshDiff } from '../../core/catalog/priceRefresh';
import { renderTable } from '../../core/format/table';
import { decodeUtf8, PRICE_FETCH_MAX_BYTES, PriceSourceError } from '../../core/remote/priceFetch';
import { loadQuoteSet, NAMED_SOURCES, PRICE_SOURCE_URLS } from '../../core/remote/priceSources';
import type { SourceSpec } from '../../core/remote/priceSources';
import { calendarYearLine, changeRatio, disagreements, exactPrice, fieldLabel, refreshSummary } from '../../core/view/priceDiffRows';
import { parseArgs } from '../args';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { PRICES_HELP } from '../help';
import { readStore, removeStore, storePath, writeStore } from '../priceHome';

/** Env variables that move the default sources (a mirror, a pinned commit). */
export const SOURCE_URL_ENV = { litellm: 'LLM_COST_LITELLM_URL', 'genai-prices': 'LLM_COST_GENAI_PRICES_URL' } as const;
const DEFAULT_SOURCE = 'litellm';
const SHOWN_NEW_IDS = 12;

export async function runPrices(argv: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseArgs('prices', rest, {
    source: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    help: { type: 'boolean', short: 'h' },
  });
  if (sub === undefined || sub === '--help' || sub === '-h' || args.flag('help')) {
    io.stdout.write(PRICES_HELP);
    return sub === undefined ? EXIT.usage : EXIT.ok;
  }
  if (args.positionals.length) throw new UsageError(`'prices ${sub}' takes no arguments, got '${args.positionals[0]}'`);
  if (sub === 'revert') return revert(io);
  if (sub !== 'check' && sub !== 'update') throw new UsageError(`unknown 'prices' command '${sub}'; use check, update or revert`);
  const sources = args.strings('source').length ? args.strings('source') : [DEFAULT_SOURCE];
  if (sub === 'update' && sources.length > 1) throw new UsageError(`'prices update' takes one --source; check several with 'prices check'`);
  const now = io.now ?? new Date();
  const { store, problem } = readStore(io);
  if (problem) io.stderr.write(`llm-cost: warning: ${problem}\n`);
  const { catalog: inForce, skipped } = applyStore(defaultCatalog(), store);
  if (skipped.length) {
    io.stderr.write(`llm-cost: warning: kept prices no longer applied, the bundled catalog is newer: ${skipped.join(', ')}\n`);
  }
  const diffs: RefreshDiff[] = [];
  for (const source of sources) {
    const spec = await sourceSpec(source, io);
    try {
      diffs.push(diffPrices(inForce, await loadQuoteSet(spec, { now }), now));
    } catch (e) {
      if (e instanceof PriceSourceError) throw new UsageError(e.message);
      throw e;
    }
  }
  if (sub === 'check' || !args.flag('yes')) {
    io.stdout.write(args.flag('json') ? `${JSON.stringify(diffsJson(diffs), null, 2)}\n` : diffsText(diffs));
    if (sub === 'update') {
      const what = toApply(diffs[0]);
      io.stdout.write(what ? `Nothing written: run again with --yes to apply ${what}.\n` : 'Nothing to apply.\n');
    }
    return EXIT.ok;
  }
  const diff = diffs[0];
  if (!args.flag('json')) io.stdout.write(diffsText(diffs));
  const what = toApply(diff);
  if (!what) {
    io.stdout.write(args.flag('json') ? `${JSON.stringify({ ...diffsJson(diffs), written: null }, null, 2)}\n` : 'Nothing to apply.\n');
    return EXIT.ok;
  }
  const file = writeStore(io.env, withAccepted(store, diff, diff.changes, diff.years));
  io.stdout.write(
    args.flag('json')
      ? `${JSON.stringify({ ...diffsJson(diffs), written: file }, null, 2)}\n`
      : `${appliedText(diff)}; written to ${file}. Undo with 'llm-cost prices revert'.\n`,
  );
  return EXIT.ok;
}

/** "Applied 2 changes from 2026-12-05 12:00 UTC on", "Added holiday-calendar year CN 2027", or both. */
function appliedText(diff: RefreshDiff): string {
  const parts: string[] = [];
  const n = diff.changes.length;
  if (n) parts.push(`Applied ${n} ${n === 1 ? 'change' : 'changes'} from ${diff.fetchedAt.slice(0, 16).replace('T', ' ')} UTC on`);
  if (diff.years.length) {
    const years = diff.years.map((y) => `${y.calendar} ${y.year.year}`).join(', ');
    parts.push(`${n ? 'added' : 'Added'} holiday-calendar ${diff.years.length === 1 ? 'year' : 'years'} ${years}`);
  }
  return parts.join(' and ');
}

/** "1 change", "1 holiday-calendar year", both joined; empty when there is nothing to apply. */
function toApply(diff: RefreshDiff): string {
  const count = (n: number, one: string, many: string) => (n ? [`${n} ${n === 1 ? one : many}`] : []);
  return [
    ...count(diff.changes.length, 'change', 'changes'),
    ...count(diff.years.length, 'holiday-calendar year', 'holiday-calendar years'),
  ].join(' and ');
}

function revert(io: CliIo): number {
  const removed = removeStore(io.env);
  io.stdout.write(
    removed ? `Removed ${storePath(io.env)}: the bundled prices apply again.\n` : 'No refreshed prices stored: the bundled prices apply.\n',
  );
  return EXIT.ok;
}

/** A named source, an http(s) URL, or a local file (read here, bounded like a download). */
async function sourceSpec(source: string, io: CliIo): Promise<SourceSpec> {
  if (source === 'xai') {
    const apiKey = io.env.XAI_API_KEY?.trim();
    if (!apiKey) throw new UsageError(`--source xai needs XAI_API_KEY (xAI's model list carries prices for your key)`);
    const baseUrl = io.env.LLM_COST_XAI_BASE_URL?.trim();
    return { kind: 'xai', apiKey, ...(baseUrl ? { baseUrl } : {}) };
  }
  if (source === 'litellm' || source === 'genai-prices') {
    const url = io.env[SOURCE_URL_ENV[source]]?.trim() || PRICE_SOURCE_URLS[source];
    return { kind: 'url', name: source, url, format: source };
  }
  if (/^https?:\/\//i.test(source)) return { kind: 'url', name: source, url: source };
  let size: number;
  try {
    size = (await stat(source)).size;
  } catch {
    throw new UsageError(`--source: '${source}' is not ${NAMED_SOURCES.join(', ')}, an http(s) URL or a readable file`);
  }
  if (size > PRICE_FETCH_MAX_BYTES) throw new UsageError(`${source}: larger than 20 MB; prices unchanged`);
  try {
    return { kind: 'text', name: source, text: decodeUtf8(await readFile(source), source) };
  } catch (e) {
    if (e instanceof PriceSourceError) throw new UsageError(e.message);
    throw new UsageError(`cannot read ${source}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function diffsText(diffs: readonly RefreshDiff[]): string {
  const out: string[] = [];
  for (const diff of diffs) {
    const fetched = `(fetched ${diff.fetchedAt.slice(0, 16).replace('T', ' ')} UTC)`;
    if (diff.format === 'holidays') {
      out.push(`Holiday calendars from ${diff.source} ${fetched} against the calendars in force:`, '');
      out.push(...(diff.years.length ? diff.years.map(calendarYearLine) : ['No calendar years to add.']));
      if (diff.heldYears.length) out.push('', 'Held back (never applied):', ...diff.heldYears.map((y) => `  ${calendarYearLine(y)}`));
      out.push('', refreshSummary(diff), '');
      continue;
    }
    out.push(`Prices from ${diff.source} ${fetched} against the prices in force:`, '');
    const rows = diff.changes.map((c) => [c.model, fieldLabel(c.field), exactPrice(c.old), exactPrice(c.new), changeRatio(c), c.source]);
    if (rows.length) {
      out.push(
        ...renderTable(
          [
            { header: 'model' },
            { header: 'field' },
            { header: 'in force', align: 'right' },
            { header: 'source says', align: 'right' },
            { header: 'change', align: 'right' },
            { header: 'source' },
          ],
          rows,
        ),
      );
    } else out.push('No price differences.');
    if (diff.held.length) {
      out.push('', 'Held back (never applied):');
      for (const c of diff.held)
        out.push(`  ${c.model} ${fieldLabel(c.field)}: ${exactPrice(c.old)} → ${exactPrice(c.new)} (${c.held ?? ''})`);
    }
    for (const note of diff.notes) out.push(`Note: ${note}`);
    if (diff.newIds.length) {
      const shown = diff.newIds.slice(0, SHOWN_NEW_IDS).join(', ');
      const more = diff.newIds.length > SHOWN_NEW_IDS ? ` and ${diff.newIds.length - SHOWN_NEW_IDS} more (--json lists all)` : '';
      out.push('', `Ids we do not list (reported, not added): ${shown}${more}`);
    }
    out.push('', refreshSummary(diff), '');
  }
  const disagree = disagreements(diffs);
  if (disagree.length) out.push(...disagree.map((d) => `Note: ${d}`), '');
  return `${out.join('\n')}`;
}

function diffsJson(diffs: readonly RefreshDiff[]): { sources: readonly RefreshDiff[]; disagreements: string[] } {
  return { sources: diffs, disagreements: disagreements(diffs) };
}
