/** The extension's scalar settings (llmCost.*), parsed and validated without 'vscode' so plain Node can test them. */

export type StatusBarMode = 'always' | 'selection' | 'afterCommand';

export interface Settings {
  readonly defaultModel: string;
  readonly outputRatio: number;
  readonly cacheHitShare: number;
  readonly currency: string;
  readonly statusBarMode: StatusBarMode;
  readonly panelModels: readonly string[];
  readonly showRetired: boolean;
  readonly xaiExactCounts: boolean;
  /** Origin of xAI's API for exact Grok counts (http or https, no query). */
  readonly xaiBaseUrl: string;
  readonly maxFileSizeMB: number;
  readonly plainTextFallback: boolean;
  /** Lenses and hovers with per-message and per-request figures in prompt files. */
  readonly codeLensEnabled: boolean;
}

/** Configuration keys under the `llmCost` section, as `raw` is keyed. */
export const SETTING_KEYS = {
  defaultModel: 'defaultModel',
  outputRatio: 'outputRatio',
  cacheHitShare: 'cacheHitShare',
  currency: 'currency',
  statusBarMode: 'statusBar.mode',
  panelModels: 'panel.models',
  showRetired: 'panel.showRetired',
  xaiExactCounts: 'xai.exactCounts',
  xaiBaseUrl: 'xai.baseUrl',
  maxFileSizeMB: 'maxFileSizeMB',
  plainTextFallback: 'promptFiles.plainTextFallback',
  codeLensEnabled: 'codeLens.enabled',
  priceOverrides: 'priceOverrides',
  customModels: 'customModels',
  exchangeRates: 'exchangeRates',
} as const;

export const DEFAULT_SETTINGS: Settings = {
  defaultModel: 'deepseek-flash',
  outputRatio: 1,
  cacheHitShare: 0,
  currency: 'USD',
  statusBarMode: 'always',
  panelModels: [],
  showRetired: false,
  xaiExactCounts: false,
  xaiBaseUrl: 'https://api.x.ai',
  maxFileSizeMB: 20,
  plainTextFallback: true,
  codeLensEnabled: true,
};

/** Highest output ratio accepted (output tokens per input token): settings, panel and protocol. */
export const OUTPUT_RATIO_MAX = 100;
export const MAX_FILE_SIZE_MB_RANGE = { min: 0.01, max: 2048 } as const;
const STATUS_BAR_MODES: readonly StatusBarMode[] = ['always', 'selection', 'afterCommand'];
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;

type Parsed<T> = { readonly value: T } | string;

/** Parses the raw `llmCost.*` values (keys as in SETTING_KEYS); an invalid value falls back to its default with a problem naming the setting. */
export function parseSettings(raw: Record<string, unknown>): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const read = <K extends keyof Settings>(key: K, parse: (value: unknown) => Parsed<Settings[K]>): Settings[K] => {
    const value = raw[SETTING_KEYS[key]];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
    const parsed = parse(value);
    if (typeof parsed !== 'string') return parsed.value;
    problems.push(`llmCost.${SETTING_KEYS[key]}: ${parsed}; using ${show(DEFAULT_SETTINGS[key])}.`);
    return DEFAULT_SETTINGS[key];
  };
  const settings: Settings = {
    defaultModel: read('defaultModel', parseModelId),
    outputRatio: read('outputRatio', (v) => numberIn(v, 0, OUTPUT_RATIO_MAX)),
    cacheHitShare: read('cacheHitShare', (v) => numberIn(v, 0, 1)),
    currency: read('currency', parseCurrency),
    statusBarMode: read('statusBarMode', (v) =>
      STATUS_BAR_MODES.includes(v as StatusBarMode)
        ? { value: v as StatusBarMode }
        : `${show(v)} is not one of ${STATUS_BAR_MODES.join(', ')}`,
    ),
    panelModels: parsePanelModels(raw[SETTING_KEYS.panelModels], problems),
    showRetired: read('showRetired', boolean),
    xaiExactCounts: read('xaiExactCounts', boolean),
    xaiBaseUrl: read('xaiBaseUrl', parseBaseUrl),
    maxFileSizeMB: read('maxFileSizeMB', (v) => numberIn(v, MAX_FILE_SIZE_MB_RANGE.min, MAX_FILE_SIZE_MB_RANGE.max)),
    plainTextFallback: read('plainTextFallback', boolean),
    codeLensEnabled: read('codeLensEnabled', boolean),
  };
  return { settings, problems };
}

function parseModelId(value: unknown): Parsed<string> {
  if (typeof value !== 'string') return `${show(value)} is not a model id`;
  const id = value.trim();
  return MODEL_ID.test(id) ? { value: id } : `${show(value)} is not a model id`;
}

function parseCurrency(value: unknown): Parsed<string> {
  if (typeof value !== 'string' || !/^\s*[A-Za-z]{3}\s*$/.test(value)) return `${show(value)} is not a three-letter currency code`;
  return { value: value.trim().toUpperCase() };
}

function parseBaseUrl(value: unknown): Parsed<string> {
  if (typeof value !== 'string') return `${show(value)} is not a URL`;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `${show(value)} is not a URL`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${show(value)} is not an http(s) URL`;
  if (url.search || url.hash || url.username || url.password) return `${show(value)} must be a plain origin such as https://api.x.ai`;
  // Both https://us.api.x.ai and the SDK-style https://us.api.x.ai/v1 name the same API root.
  return { value: `${url.origin}${url.pathname}`.replace(/\/+$/, '').replace(/\/v1$/, '') };
}

function numberIn(value: unknown, min: number, max: number): Parsed<number> {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${show(value)} is not a number`;
  if (value < min || value > max) return `${show(value)} is outside ${min}…${max}`;
  return { value };
}

function boolean(value: unknown): Parsed<boolean> {
  return typeof value === 'boolean' ? { value } : `${show(value)} is not true or false`;
}

function parsePanelModels(value: unknown, problems: string[]): readonly string[] {
  if (value === undefined || value === null) return DEFAULT_SETTINGS.panelModels;
  const name = `llmCost.${SETTING_KEYS.panelModels}`;
  if (!Array.isArray(value)) {
    problems.push(`${name}: ${show(value)} is not a list of model ids; using [].`);
    return DEFAULT_SETTINGS.panelModels;
  }
  const ids: string[] = [];
  value.forEach((item, index) => {
    const parsed = parseModelId(item);
    if (typeof parsed === 'string') problems.push(`${name}[${index}]: ${parsed}; ignored.`);
    else if (!ids.includes(parsed.value)) ids.push(parsed.value);
  });
  return ids;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return '[…]';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
