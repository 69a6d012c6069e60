/** How the status item marks a (nearly) full context window: theme background and icon. Pure: no 'vscode'. */
import type { FitLevel } from '../../core/cost/contextFit';

/** The status bar background kind: `statusBarItem.<kind>Background`, or none while the prompt fits with room. */
export type FitBackground = 'warning' | 'error';

/** 'error' when the prompt and projected output do not fit, 'warning' from 90% of the window. */
export function fitBackground(level: FitLevel): FitBackground | undefined {
  return level === 'over' ? 'error' : level === 'near' ? 'warning' : undefined;
}

/** A codicon before the text, so the state does not rest on colour alone. */
export function fitIcon(level: FitLevel): string {
  return level === 'over' ? '$(error)' : level === 'near' ? '$(warning)' : '';
}
