/** Whether a prompt and its projected answer fit a model's context window (and its maximum output). */
import type { ModelEntry } from '../catalog/types';

/** From this share of the window on, a prompt is "near" the limit (the status bar turns to a warning). */
export const NEAR_FULL_SHARE = 0.9;

export type FitLevel = 'fits' | 'near' | 'over' | 'unknown';

export interface ContextFit {
  /** The model's window in tokens; 0 when the catalog does not know it (then `level` is 'unknown'). */
  readonly contextWindow: number;
  readonly maxOutput?: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Input plus projected output. */
  readonly usedTokens: number;
  /** usedTokens / contextWindow; undefined when the window is unknown. */
  readonly share?: number;
  /** Tokens beyond the window (0 when it fits or is unknown). */
  readonly overBy: number;
  /** Projected output tokens beyond the model's maximum output (0 when within it or unknown). */
  readonly outputOverMax: number;
  /** False when the window is known and exceeded, or the projected output exceeds the maximum output. */
  readonly fits: boolean;
  readonly level: FitLevel;
}

/** Input + projected output against the model's window and maximum output. */
export function contextFit(model: Pick<ModelEntry, 'contextWindow' | 'maxOutput'>, inputTokens: number, outputTokens: number): ContextFit {
  const contextWindow = model.contextWindow > 0 ? model.contextWindow : 0;
  const maxOutput = model.maxOutput != null && model.maxOutput > 0 ? model.maxOutput : undefined;
  const usedTokens = inputTokens + outputTokens;
  const outputOverMax = maxOutput !== undefined ? Math.max(0, outputTokens - maxOutput) : 0;
  if (!contextWindow) {
    const fits = outputOverMax === 0;
    return {
      contextWindow,
      maxOutput,
      inputTokens,
      outputTokens,
      usedTokens,
      overBy: 0,
      outputOverMax,
      fits,
      level: fits ? 'unknown' : 'over',
    };
  }
  const share = usedTokens / contextWindow;
  const overBy = Math.max(0, usedTokens - contextWindow);
  const fits = overBy === 0 && outputOverMax === 0;
  const level: FitLevel = !fits ? 'over' : share >= NEAR_FULL_SHARE ? 'near' : 'fits';
  return { contextWindow, maxOutput, inputTokens, outputTokens, usedTokens, share, overBy, outputOverMax, fits, level };
}
