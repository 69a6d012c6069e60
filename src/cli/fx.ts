/** Exchange rates for CLI users: --fx and LLM_COST_FX over the catalog's table, and CLI wording for rate hints. */
import type { FxTable } from '../core/catalog/types';
import { UsageError } from './errors';
import { parseFx } from './values';

/** The env variable holding rates in the --fx syntax. */
export const FX_ENV = 'LLM_COST_FX';

/** The catalog's table with LLM_COST_FX then --fx merged over it (--fx wins); the table itself when neither is given. */
export function fxTable(base: FxTable, option: string | undefined, env: Readonly<Record<string, string | undefined>>, now: Date): FxTable {
  const fromEnv = env[FX_ENV]?.trim() ? parseFx(FX_ENV, env[FX_ENV]) : undefined;
  const fromOption = option !== undefined ? parseFx('--fx', option) : undefined;
  if (!fromEnv && !fromOption) return base;
  if (base.base !== 'USD') throw new UsageError(`the catalog's rates are per ${base.base}, not per USD`);
  const given = [fromOption ? '--fx' : '', fromEnv ? FX_ENV : ''].filter(Boolean).join(' and ');
  return {
    base: base.base,
    date: now.toISOString().slice(0, 10),
    rates: { ...base.rates, ...fromEnv, ...fromOption },
    source: `rates from ${given}, others approximate (${base.date})`,
  };
}

/** Rewrites the catalog's VS Code setting hint ("llmCost.exchangeRates setting") into the CLI's options. */
export function cliWording(text: string): string {
  return text.replace(/(override|add it) with the llmCost\.exchangeRates setting/g, '$1 with --fx or LLM_COST_FX');
}
