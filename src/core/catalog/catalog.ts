/** The bundled catalog and lookups over any catalog (bundled or with user settings applied). */
import type { Catalog, FormerAlias, ModelEntry, PricePeriod, Provider } from './types';
import { isDay, parseMoment } from './moments';
import deepseek from './data/deepseek.json';
import mistral from './data/mistral.json';
import xai from './data/xai.json';
import fx from './data/fx.json';
import { bundledHolidays } from './holidays';

const PROVIDER_ORDER: readonly Provider[] = ['deepseek', 'mistral', 'xai', 'custom'];
let bundled: Catalog | undefined;

/** The catalog shipped with the extension, built once and frozen. */
export function defaultCatalog(): Catalog {
  if (!bundled) {
    const models = [...deepseek, ...mistral, ...xai] as unknown as ModelEntry[];
    bundled = deepFreeze({ models, fx, holidays: bundledHolidays });
  }
  return bundled;
}

/**
 * The model whose id or alias matches, ignoring case. With `at`, an alias means what it meant at that
 * moment (a former alias whose span holds it wins over today's holder); without, what it means now.
 */
export function findModel(catalog: Pick<Catalog, 'models'>, idOrAlias: string, at?: Date): ModelEntry | undefined {
  const key = idOrAlias.trim().toLowerCase();
  return (
    catalog.models.find((m) => m.id.toLowerCase() === key) ??
    (at ? formerAliasAt(catalog, key, at)?.model : undefined) ??
    catalog.models.find((m) => m.aliases.some((a) => a.toLowerCase() === key))
  );
}

/** The model a name meant at a moment through a former alias, with that alias entry; undefined if none held then. */
export function formerAliasAt(
  catalog: Pick<Catalog, 'models'>,
  idOrAlias: string,
  at: Date,
): { model: ModelEntry; former: FormerAlias } | undefined {
  const key = idOrAlias.trim().toLowerCase();
  const t = at.getTime();
  for (const model of catalog.models) {
    for (const former of model.formerAliases ?? []) {
      if (former.alias.toLowerCase() !== key) continue;
      const from = former.from === undefined ? undefined : parseMoment(former.from);
      const until = parseMoment(former.until);
      if ((from === undefined || from.getTime() <= t) && until !== undefined && t < until.getTime()) return { model, former };
    }
  }
  return undefined;
}

/** The ids and aliases closest to a mistyped name, nearest first (for "did you mean"). */
export function suggestModels(catalog: Pick<Catalog, 'models'>, wrong: string, max = 3): string[] {
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
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/**
 * Models in a stable order (provider, then catalog order). By default the current ones; with `at`, those
 * offered at that moment: a price period holds it and the model was not retired by then (legacy models
 * included, since the catalog does not know when they stopped being offered). `includeRetired` lists all.
 */
export function listModels(catalog: Catalog, opts: { provider?: Provider; includeRetired?: boolean; at?: Date } = {}): ModelEntry[] {
  const rank = (p: Provider) => PROVIDER_ORDER.indexOf(p);
  const at = opts.at;
  const shown = (m: ModelEntry): boolean => {
    if (opts.includeRetired) return true;
    if (!at) return m.status.kind === 'current';
    return currentPeriod(m, at) !== undefined && !retiredBy(m, at);
  };
  return catalog.models
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => (!opts.provider || m.provider === opts.provider) && shown(m))
    .sort((a, b) => rank(a.m.provider) - rank(b.m.provider) || a.i - b.i)
    .map(({ m }) => m);
}

/** True when the model's retirement moment is at or before `at`. */
export function retiredBy(model: ModelEntry, at: Date): boolean {
  const end = retirementMoment(model);
  return end !== undefined && end.getTime() <= at.getTime();
}

/** When a retired model stopped being priced: the status instant, or the end of the status day when it gives a day alone. */
export function retirementMoment(model: ModelEntry): Date | undefined {
  if (model.status.kind !== 'retired') return undefined;
  const date = parseMoment(model.status.date);
  if (!date || !isDay(model.status.date)) return date;
  return new Date(date.getTime() + 86_400_000);
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
