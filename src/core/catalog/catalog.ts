/** The bundled catalog and lookups over any catalog (bundled or with user settings applied). */
import type { Catalog, FxTable, ModelEntry, PricePeriod, Provider } from './types';
import { parseMoment } from './moments';
import deepseek from './data/deepseek.json';
import mistral from './data/mistral.json';
import xai from './data/xai.json';
import fx from './data/fx.json';

const PROVIDER_ORDER: readonly Provider[] = ['deepseek', 'mistral', 'xai', 'custom'];
let bundled: Catalog | undefined;

/** The catalog shipped with the extension, built once and frozen. */
export function defaultCatalog(): Catalog {
  if (!bundled) {
    const models = [...deepseek, ...mistral, ...xai] as unknown as ModelEntry[];
    bundled = deepFreeze({ models, fx: fx as FxTable });
  }
  return bundled;
}

/** The model whose id or alias matches, ignoring case. */
export function findModel(catalog: Catalog, idOrAlias: string): ModelEntry | undefined {
  const key = idOrAlias.trim().toLowerCase();
  return catalog.models.find((m) => m.id.toLowerCase() === key)
    ?? catalog.models.find((m) => m.aliases.some((a) => a.toLowerCase() === key));
}

/** The ids and aliases closest to a mistyped name, nearest first (for "did you mean"). */
export function suggestModels(catalog: Catalog, wrong: string, max = 3): string[] {
  const key = wrong.trim().toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const m of catalog.models) {
    for (const name of [m.id, ...m.aliases]) {
      const lower = name.toLowerCase();
      const distance = editDistance(key, lower);
      const containment = key.length >= 3 && (lower.includes(key) || key.includes(lower));
      const limit = Math.max(2, Math.floor(Math.max(key.length, lower.length) / 2));
      if (distance <= limit || containment) scored.push({ name, score: containment ? Math.min(distance, 1.5) : distance });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || a.name.localeCompare(b.name));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { name } of scored) {
    if (out.length >= max) break;
    if (!seen.has(name)) { seen.add(name); out.push(name); }
  }
  return out;
}

/** Models in a stable order (provider, then catalog order); current ones only unless includeRetired. */
export function listModels(catalog: Catalog, opts: { provider?: Provider; includeRetired?: boolean } = {}): ModelEntry[] {
  const rank = (p: Provider) => PROVIDER_ORDER.indexOf(p);
  return catalog.models
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => (!opts.provider || m.provider === opts.provider) && (opts.includeRetired || m.status.kind === 'current'))
    .sort((a, b) => rank(a.m.provider) - rank(b.m.provider) || a.i - b.i)
    .map(({ m }) => m);
}

/** The price period in force at a moment, if any. */
export function currentPeriod(model: ModelEntry, at: Date): PricePeriod | undefined {
  const t = at.getTime();
  return model.periods.find((p) => {
    const from = parseMoment(p.from);
    const until = p.until === undefined ? undefined : parseMoment(p.until);
    return from !== undefined && from.getTime() <= t && (until === undefined || t < until.getTime());
  });
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
