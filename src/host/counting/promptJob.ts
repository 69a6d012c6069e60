/**
 * The counting worker's second job kind: what a prompt file declares and its per-message breakdown (lenses, hover,
 * the status bar's declared model). Types only on the host side; the worker runs it with promptWorker.ts.
 */
import type { ModelEntry } from '../../core/catalog/types';
import type { PromptBreakdown } from '../../core/prompt/breakdown';
import type { Declared } from '../../core/prompt/declared';
import type { CountJob, CountReply } from './countProtocol';

export interface PromptJob {
  readonly kind: 'prompt';
  readonly id: number;
  readonly text: string;
  readonly fileName: string;
  /** The model to break the file down for; without it the job says only what the file declares. */
  readonly model?: ModelEntry;
}

export interface PromptDetails {
  /** What the file declares (jobs without a model); undefined for a malformed file. */
  readonly declared?: Declared;
  readonly breakdown?: PromptBreakdown;
  /** Each request's own output limit (max_tokens), null where it sets none; in the order of `breakdown.requests`. */
  readonly requestLimits?: readonly (number | null)[];
  /** True when the model's tokenizer counts exactly. */
  readonly exact?: boolean;
  /** Why there is no breakdown (a malformed file), as a sentence. */
  readonly problem?: string;
}

export type PromptReply =
  | { readonly kind: 'prompt'; readonly id: number; readonly ok: true; readonly details: PromptDetails }
  | { readonly kind: 'prompt'; readonly id: number; readonly ok: false; readonly error: string };

/** True for a prompt job (count jobs carry no `kind`). */
export function isPromptJob(job: object): job is PromptJob {
  return (job as { kind?: unknown }).kind === 'prompt';
}

/** Anything the counting worker runs, and its answer. */
export type WorkerJob = CountJob | PromptJob;
export type WorkerReply = CountReply | PromptReply;

/** True for the answer to a prompt job. */
export function isPromptReply(reply: WorkerReply): reply is PromptReply {
  return 'kind' in reply && reply.kind === 'prompt';
}
