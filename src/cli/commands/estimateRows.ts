/** The rows `estimate` prints: one priced model each. */
import type { ModelEntry } from '../../core/catalog/types';
import type { Estimate } from '../../core/cost/types';
import type { ContextFit } from '../../core/cost/contextFit';
import type { CliCount } from '../counting';

export interface Row {
  readonly model: ModelEntry;
  /** The name the user gave (an alias that moved is resolved at the moment priced), or the id. */
  readonly name: string;
  readonly count: CliCount;
  readonly estimate: Estimate;
  /** Per-message (and JSONL per-request) figures of a prompt file, for --json. */
  readonly breakdown?: object;
  /** Input plus projected output against the model's context window. */
  readonly fit: ContextFit;
}
