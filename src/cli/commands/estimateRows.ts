/** The rows `estimate` prints: priced models, and named models with no price at the moment asked. */
import type { ModelEntry } from '../../core/catalog/types';
import type { Estimate } from '../../core/cost/types';
import type { CliCount } from '../counting';

export interface Row {
  readonly model: ModelEntry;
  /** The name the user gave (an alias that moved is resolved at the moment priced), or the id. */
  readonly name: string;
  readonly count: CliCount;
  readonly estimate: Estimate;
  /** Per-message (and JSONL per-request) figures of a prompt file, for --json. */
  readonly breakdown?: object;
}

/** A named model with no price at the default moment (retired): shown as a row instead of aborting the run. */
export interface Unpriced {
  readonly model: ModelEntry;
  readonly reason: string;
}
