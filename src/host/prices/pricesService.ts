/**
 * Price refresh in VS Code: reads a live source only when the user runs "Update prices" or turned on
 * llmCost.prices.autoRefresh; accepted changes go to global storage and into the catalog every view uses.
 */
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import { defaultCatalog } from '../../core/catalog/catalog';
import { diffPrices } from '../../core/catalog/priceRefresh';
import type { PriceChange, RefreshDiff } from '../../core/catalog/priceRefresh';
import type { CalendarYearChange } from '../../core/catalog/holidayRefresh';
import { decodeUtf8, PRICE_FETCH_MAX_BYTES, PriceSourceError } from '../../core/remote/priceFetch';
import { applyStore, withAccepted } from '../../core/catalog/priceStore';
import { parsePriceSettings, refreshDue } from '../../core/config/priceSettings';
import type { PriceSettings } from '../../core/config/priceSettings';
import { loadQuoteSet } from '../../core/remote/priceSources';
import type { NamedSource, SourceSpec } from '../../core/remote/priceSources';
import { refreshSummary } from '../../core/view/priceDiffRows';
import { CONFIG_SECTION } from '../config/configService';
import type { ConfigService } from '../config/configService';
import type { Notifier } from '../config/notifier';
import { XAI_KEY_SECRET } from '../counting/xaiCounter';
import { Disposable } from '../dispose';
import type { PriceStorage } from './priceStorage';

/** A source to read: a named live source, or a file or http(s) address holding prices or holiday calendars. */
export type SourceChoice = NamedSource | { readonly file: string } | { readonly url: string };

/** How often the automatic refresh looks whether a check is due. */
const WAKE_MS = 60 * 60 * 1000;
/** The first look waits for start-up to pass: a due check is never urgent, and reading settings costs activation time. */
const FIRST_LOOK_MS = 10_000;

export interface PricesServiceDeps {
  readonly storage: PriceStorage;
  readonly secrets: vscode.SecretStorage;
  readonly config: ConfigService;
  readonly log: vscode.LogOutputChannel;
  readonly notifier: Notifier;
  /** Asks the user about a diff found by the automatic refresh (the "Update prices" review). */
  readonly review: (diff: RefreshDiff) => Thenable<unknown>;
  readonly timeoutMs?: number;
}

export class PricesService extends Disposable {
  private checking: Promise<void> | undefined;

  constructor(private readonly deps: PricesServiceDeps) {
    super();
    const first = setTimeout(() => void this.autoCheck(), FIRST_LOOK_MS);
    const timer = setInterval(() => void this.autoCheck(), WAKE_MS);
    this.register({
      dispose: () => {
        clearTimeout(first);
        clearInterval(timer);
      },
    });
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${CONFIG_SECTION}.prices`) && void this.autoCheck()),
    );
  }

  settings(): PriceSettings {
    const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
    const raw: Record<string, unknown> = {};
    for (const key of ['prices.autoRefresh', 'prices.source', 'prices.litellmUrl', 'prices.genaiPricesUrl']) raw[key] = section.get(key);
    const { settings, problems } = parsePriceSettings(raw);
    for (const p of problems) this.deps.log.warn(`Settings: ${p}`);
    return settings;
  }

  /** Reads `source` and compares it with the bundled catalog plus the prices and calendar years accepted so far. Throws PriceSourceError. */
  async check(source: SourceChoice, now = new Date()): Promise<RefreshDiff> {
    const spec = await this.spec(source);
    const inForce = applyStore(defaultCatalog(), this.deps.storage.read().store).catalog;
    const set = await loadQuoteSet(spec, { now, ...(this.deps.timeoutMs ? { timeoutMs: this.deps.timeoutMs } : {}) });
    await this.deps.storage.setLastCheck(now);
    const diff = diffPrices(inForce, set, now);
    this.deps.log.info(`Prices: ${refreshSummary(diff)}`);
    return diff;
  }

  /**
   * Keeps `accepted` prices from the diff's fetch moment on and `years` in the holiday calendars (held ones are
   * dropped), and reprices every view. Resolves to how many were kept.
   */
  async accept(diff: RefreshDiff, accepted: readonly PriceChange[], years: readonly CalendarYearChange[] = []): Promise<number> {
    const usable = accepted.filter((c) => !c.held);
    const usableYears = years.filter((y) => !y.held);
    const n = usable.length + usableYears.length;
    if (!n) return 0;
    await this.deps.storage.write(withAccepted(this.deps.storage.read().store, diff, usable, usableYears));
    this.deps.config.rebuild();
    this.deps.log.info(
      `Prices: accepted ${usable.length} prices and ${usableYears.length} calendar years from ${diff.source}, fetched ${diff.fetchedAt}`,
    );
    return n;
  }

  /** Drops every accepted price; true when there were some. */
  async revert(): Promise<boolean> {
    const had = this.deps.storage.read().store.updates.length > 0;
    await this.deps.storage.write({ version: 1, updates: [] });
    this.deps.config.rebuild();
    return had;
  }

  private async spec(source: SourceChoice): Promise<SourceSpec> {
    if (typeof source !== 'string')
      return 'url' in source ? { kind: 'url', name: source.url, url: source.url } : readFileSource(source.file);
    const s = this.settings();
    if (source === 'litellm') return { kind: 'url', name: source, url: s.litellmUrl, format: 'litellm' };
    if (source === 'genai-prices') return { kind: 'url', name: source, url: s.genaiPricesUrl, format: 'genai-prices' };
    const apiKey = (await this.deps.secrets.get(XAI_KEY_SECRET)) ?? '';
    const baseUrl = vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('xai.baseUrl');
    return { kind: 'xai', apiKey, ...(baseUrl ? { baseUrl } : {}) };
  }

  /**
   * When automatic refresh is on and due (`refreshDue`): checks the configured source and offers any changes
   * for review, never applied unasked. Resolves when the check is over (not when the user answers the offer).
   * Off means no request at all, however old the last check.
   */
  autoCheck(): Promise<void> {
    if (this.checking || this.isDisposed) return this.checking ?? Promise.resolve();
    const settings = this.settings();
    if (!refreshDue(settings.autoRefresh, this.deps.storage.lastCheck(), new Date())) return Promise.resolve();
    this.checking = this.check(settings.source)
      .then((diff) => {
        if (!diff.changes.length && !diff.held.length) return;
        void this.deps.notifier
          .show('info', `LLM Cost: ${refreshSummary(diff)}`, 'Review')
          .then((choice) => (choice ? this.deps.review(diff) : undefined));
      })
      .catch((e: unknown) => {
        this.deps.log.warn(`Prices: automatic refresh failed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }
}

/** A local source file, bounded like a download; a missing, unreadable or oversized file is one PriceSourceError. */
async function readFileSource(file: string): Promise<SourceSpec> {
  const name = path.basename(file);
  const uri = vscode.Uri.file(file);
  let bytes: Uint8Array;
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > PRICE_FETCH_MAX_BYTES) {
      throw new PriceSourceError(`${name}: larger than 20 MB; nothing changed`);
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof PriceSourceError) throw e;
    throw new PriceSourceError(`${name}: cannot be read (${e instanceof Error ? e.message : String(e)}); nothing changed`);
  }
  return { kind: 'text', name, text: decodeUtf8(bytes, name) };
}
