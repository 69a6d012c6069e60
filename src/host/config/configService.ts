/** The effective configuration: llmCost.* settings parsed once per change, and the catalog with the user's prices. */
import * as vscode from '../vscodeApi';
import type { Catalog } from '../../core/catalog/types';
import { defaultCatalog, findModel } from '../../core/catalog/catalog';
import { applyUserSettings } from '../../core/catalog/userSettings';
import { applyStore } from '../../core/catalog/priceStore';
import type { PriceStore } from '../../core/catalog/priceStore';
import { DEFAULT_SETTINGS, SETTING_KEYS, parseSettings } from '../../core/config/settings';
import type { Settings } from '../../core/config/settings';
import { Disposable } from '../dispose';
import type { Notifier } from './notifier';

export interface HostConfig {
  readonly settings: Settings;
  readonly catalog: Catalog;
  /** Every problem found in the current configuration (each reported to the user once per session). */
  readonly problems: readonly string[];
}

export const CONFIG_SECTION = 'llmCost';

/** Reads llmCost.* on every relevant change, reports each distinct problem once, fires onDidChange. */
export class ConfigService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<HostConfig>());
  readonly onDidChange: vscode.Event<HostConfig> = this.changed.event;
  private readonly reported = new Set<string>();
  private rawJson: string;
  /** Built on first use, not during activation: the first figure is computed right after activate() returns. */
  private config: HostConfig | undefined;
  private raw: Record<string, unknown>;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly notifier: Notifier,
    /** Prices accepted with "Update prices", laid over the bundled catalog before the user's settings. */
    private readonly refreshed: () => { store: PriceStore; problem?: string } = () => ({ store: { version: 1, updates: [] } }),
  ) {
    super();
    this.raw = readRaw();
    this.rawJson = JSON.stringify(this.raw);
    this.register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(CONFIG_SECTION) && this.sync()));
  }

  current(): HostConfig {
    this.config ??= this.build(this.raw);
    return this.config;
  }

  /** Problems reported since activation, in the order they were first seen. */
  reportedProblems(): readonly string[] {
    return [...this.reported];
  }

  /** Rebuilds from the current settings and accepted prices, and fires (after "Update prices" or a revert). */
  rebuild(): void {
    this.raw = readRaw();
    this.rawJson = JSON.stringify(this.raw);
    this.config = this.build(this.raw);
    this.changed.fire(this.config);
  }

  /** Re-reads the settings; when they differ from the last read, rebuilds and fires. Returns true when something changed. */
  sync(): boolean {
    const raw = readRaw();
    const json = JSON.stringify(raw);
    if (json === this.rawJson) return false;
    this.raw = raw;
    this.rawJson = json;
    this.config = this.build(raw);
    this.changed.fire(this.config);
    return true;
  }

  private build(raw: Record<string, unknown>): HostConfig {
    const parsed = parseSettings(raw);
    const user = this.userCatalog(raw);
    const problems = [...parsed.problems, ...user.problems];
    const settings = checkAgainstCatalog(parsed.settings, user.catalog, problems);
    this.report(problems);
    return { settings, catalog: user.catalog, problems };
  }

  /** The built-in catalog with the user's overrides, custom models and rates; the built-in one alone if that fails. */
  private userCatalog(raw: Record<string, unknown>): { catalog: Catalog; problems: string[] } {
    const { store, problem } = this.refreshed();
    if (problem) this.report([problem]);
    const catalog = applyStore(defaultCatalog(), store).catalog;
    try {
      return applyUserSettings(catalog, {
        priceOverrides: raw[SETTING_KEYS.priceOverrides],
        customModels: raw[SETTING_KEYS.customModels],
        exchangeRates: unlessEmpty(raw[SETTING_KEYS.exchangeRates]),
      });
    } catch (error) {
      this.log.error(
        `Applying price overrides, custom models and exchange rates failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      return {
        catalog,
        problems: [
          'llmCost.priceOverrides, llmCost.customModels, llmCost.exchangeRates: could not be applied (see the "LLM Cost" output); using the built-in prices.',
        ],
      };
    }
  }

  private report(problems: readonly string[]): void {
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.log.warn(`Settings: ${problem}`);
      void this.notifier.show('warning', `LLM Cost settings: ${problem}`, 'Open Settings').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', CONFIG_SECTION);
      });
    }
  }
}

function readRaw(): Record<string, unknown> {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const raw: Record<string, unknown> = {};
  for (const key of Object.values(SETTING_KEYS)) raw[key] = section.get<unknown>(key);
  return raw;
}

/** The schema's default for an object setting is `{}`: that means "not set". */
function unlessEmpty(value: unknown): unknown {
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0 ? undefined : value;
}

/** Settings that name models or currencies must name ones the catalog knows. */
function checkAgainstCatalog(settings: Settings, catalog: Catalog, problems: string[]): Settings {
  let { defaultModel, currency } = settings;
  if (!findModel(catalog, defaultModel)) {
    problems.push(`llmCost.${SETTING_KEYS.defaultModel}: unknown model "${defaultModel}"; using "${DEFAULT_SETTINGS.defaultModel}".`);
    defaultModel = DEFAULT_SETTINGS.defaultModel;
  }
  if (currency !== catalog.fx.base && catalog.fx.rates[currency] === undefined) {
    problems.push(
      `llmCost.${SETTING_KEYS.currency}: no exchange rate for ${currency}; add one in llmCost.exchangeRates. Using ${DEFAULT_SETTINGS.currency}.`,
    );
    currency = DEFAULT_SETTINGS.currency;
  }
  const panelModels = settings.panelModels.filter((id) => {
    if (findModel(catalog, id)) return true;
    problems.push(`llmCost.${SETTING_KEYS.panelModels}: unknown model "${id}"; ignored.`);
    return false;
  });
  return { ...settings, defaultModel, currency, panelModels };
}
