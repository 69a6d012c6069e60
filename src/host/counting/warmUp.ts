/**
 * Loads tokenizer vocabularies in idle time (each takes 150–500 ms on a quiet 2-core machine, seconds under load):
 * the default model's soon after activation, then one model per family the comparison panel shows, one job at a
 * time so that a real count waits behind one load at most. The panel then opens on warm vocabularies.
 */
import type * as vscode from 'vscode';
import { selectModels } from '../../core/view/compareRows';
import type { ConfigService } from '../config/configService';
import type { CountingService } from './countingService';

/** Long enough for the workbench to finish starting; short enough to beat the user's first selection. */
const DEFAULT_MODEL_DELAY_MS = 1000;
/** The panel's families wait until the start-up burst (restored editors, first selections) has passed. */
const PANEL_FAMILIES_DELAY_MS = 3000;

export function scheduleWarmUp(counting: CountingService, config: ConfigService): vscode.Disposable {
  let stopped = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  const later = (ms: number, run: () => Promise<void>) => timers.push(setTimeout(() => void (stopped || run()), ms));
  later(DEFAULT_MODEL_DELAY_MS, async () => {
    const { catalog, settings } = config.current();
    await counting.warm([settings.defaultModel]);
    const families = new Map<string, string>();
    for (const model of selectModels(catalog, { showRetired: false, pinned: settings.panelModels }).models)
      if (!families.has(model.tokenizer)) families.set(model.tokenizer, model.id);
    later(PANEL_FAMILIES_DELAY_MS, async () => {
      for (const id of families.values()) if (!stopped) await counting.warm([id]);
    });
  });
  return {
    dispose: () => {
      stopped = true;
      timers.forEach(clearTimeout);
    },
  };
}
