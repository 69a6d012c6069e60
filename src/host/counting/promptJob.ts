/**
 * The counting worker's second job kind: what a prompt file declares and its per-message breakdown (lenses, hover,
 * the status bar's declared model), read from the worker's mirror of the document. The worker runs it with
 * promptWorker.ts; no 'vscode' import.
 */
import type { ModelEntry } from '../../core/catalog/types';
import type { PromptBreakdown } from '../../core/prompt/breakdown';
import type { Declared } from '../../core/prompt/declared';
import type { CountJob, CountReply, MirroredDocument } from './countProtocol';

export interface PromptJob {
  readonly kind: 'prompt';
  readonly id: number;
  readonly fileName: string;
  /** The open document, read from the worker's mirror at its version. */
  readonly document: MirroredDocument;
  /** The model to break the file down for; without it the job says only what the file declares. */
  readonly model?: ModelEntry;
}

/** Host → worker, beside the count protocol's requests. */
export interface PromptRequest {
  readonly type: 'prompt';
  readonly job: PromptJob;
}

export interface PromptDetails {
  /** What the file declares (jobs without a model); undefined for a malformed file. */
  readonly declared?: Declared;
  readonly breakdown?: PromptBreakdown;
  /** Each request's own output limit (max_tokens), null where it sets none; in the order of `breakdown.requests`. */
  readonly requestLimits?: readonly (number | null)[];
  /** True when the model's tokenizer counts exactly. */
  readonly exact?: boolean;
  /** Why there is no breakdown (a malformed or too large file), as a sentence. */
  readonly problem?: string;
}

export type PromptReply =
  | { readonly kind: 'prompt'; readonly id: number; readonly ok: true; readonly details: PromptDetails }
  /** `resync`: the worker has no mirror of the document at that version: send the text. */
  | { readonly kind: 'prompt'; readonly id: number; readonly ok: false; readonly error: string; readonly reason?: 'resync' };

/** True for a prompt job (count jobs carry no `kind`). */
export function isPromptJob(job: CountJob | PromptJob): job is PromptJob {
  return 'kind' in job && job.kind === 'prompt';
}

/** True for the answer to a prompt job. */
export function isPromptReply(reply: CountReply | PromptReply): reply is PromptReply {
  return 'kind' in reply && reply.kind === 'prompt';
}
