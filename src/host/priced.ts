/** A count priced with the user's settings: the one shape the status bar, the estimate command and the API share. */
import type { ModelEntry } from '../core/catalog/types';
import { estimate } from '../core/cost/estimate';
import type { Estimate } from '../core/cost/types';
import { formatCount } from '../core/format/tokens';
import { formatMoney } from '../core/format/money';
import type { DocumentCount } from '../core/prompt/document';
import type { Settings } from '../core/settings';
import type { HostConfig } from './config';
import type { Subject } from './subject';

export interface PricedCount {
  readonly subject: Subject;
  readonly model: ModelEntry;
  readonly count: DocumentCount;
  readonly estimate: Estimate;
  readonly settings: Settings;
}

/** Prices a count for the model at `at` with the output ratio, cache share and currency from the settings. */
export function priceCount(config: HostConfig, subject: Subject, model: ModelEntry, count: DocumentCount, at = new Date()): PricedCount {
  const { settings, catalog } = config;
  const result = estimate(catalog, {
    modelId: model.id,
    inputTokens: count.tokens,
    at,
    output: { ratio: settings.outputRatio },
    cache: { hitRatio: settings.cacheHitShare },
    currency: settings.currency,
  });
  return { subject, model, count, estimate: result, settings };
}

/** "1,234 tok · $0.0021", with "≈" before an estimated count. */
export function statusText(priced: PricedCount): string {
  return `${formatCount(priced.count)} tok · ${formatMoney(priced.estimate.total, priced.estimate.context.currency)}`;
}
