/**
 * The catalog audit: every disagreement between the current prices (and context windows and tiers) of the
 * bundled catalog and a reference catalog, and which of them are recorded as understood.
 */
import type { Catalog } from './types';
import { currentPeriod } from './catalog';
import { diffPrices, quotesFor } from './priceRefresh';
import type { QuoteSet } from '../remote/priceQuotes';

export interface AuditFinding {
  /** "genai-prices grok-4.3 input": what disagrees, where. */
  readonly key: string;
  readonly ours: string;
  readonly theirs: string;
}

export interface RecordedDisagreement extends AuditFinding {
  /** Why we keep our value (the source we followed, their known gap). */
  readonly reason: string;
}

const none = (v: string | number | null | undefined): string => (v === null || v === undefined ? 'none' : String(v));

/** Every disagreement with each reference, sorted by key. */
export function auditCatalog(catalog: Catalog, references: readonly QuoteSet[], now: Date): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const set of references) {
    const diff = diffPrices(catalog, set, now);
    for (const c of [...diff.changes, ...diff.held])
      out.push({ key: `${set.source} ${c.model} ${c.field}`, ours: none(c.old), theirs: c.new });
    for (const id of diff.matched) {
      const model = catalog.models.find((m) => m.id === id)!;
      const quote = quotesFor(model, set.quotes)[0];
      const ourTier = currentPeriod(model, now)?.longContext?.thresholdTokens;
      const theirTier = quote.longContext?.thresholdTokens;
      if (ourTier !== theirTier)
        out.push({ key: `${set.source} ${id} longContext.threshold`, ours: none(ourTier), theirs: none(theirTier) });
      if (quote.contextWindow && model.contextWindow > 0 && quote.contextWindow !== model.contextWindow) {
        out.push({ key: `${set.source} ${id} contextWindow`, ours: String(model.contextWindow), theirs: String(quote.contextWindow) });
      }
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Findings not recorded with the same values (a changed value needs a new look), and recorded ones no longer found. */
export function unrecorded(
  findings: readonly AuditFinding[],
  recorded: readonly RecordedDisagreement[],
): { fresh: AuditFinding[]; stale: RecordedDisagreement[] } {
  const same = (a: AuditFinding, b: AuditFinding) => a.key === b.key && a.ours === b.ours && a.theirs === b.theirs;
  return {
    fresh: findings.filter((f) => !recorded.some((r) => same(f, r) && r.reason.trim() !== '')),
    stale: recorded.filter((r) => !findings.some((f) => same(f, r))),
  };
}
