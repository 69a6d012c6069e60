// Driving the workbench: quick input, files, commands, the status bar. Every wait is on a visible condition.
import { figurePattern } from './texts.mjs';

export const STATUS = '[id="llm-cost-tools.llm-cost.llmCost.status"]';
export const STATUS_ROOT = '.part.statusbar';
/** Generous: a loaded 2-core machine can take tens of seconds for a step that takes one on a quiet one. */
export const UI_TIMEOUT = 120000;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the quick input with `key` (none: it is already open), types `text` and waits until the row Enter would pick (the focused one) shows
 * `rowText`. Waiting for any matching row is not enough: the list first shows recent files unfiltered, and an Enter
 * then opens whichever row has the focus (a run once stayed on hundred.txt for 60 s that way).
 */
export async function quickPick(page, key, text, rowText) {
  if (key) await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(text);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText }).waitFor({ timeout: UI_TIMEOUT });
}

/** Runs a palette command and returns once it is picked. */
export async function runCommand(page, title) {
  await quickPick(page, 'F1', '>' + title, title);
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open; resolves once its tab is active and `lineText` is on screen. */
export async function openFile(page, name, lineText) {
  await quickPick(page, 'Control+P', name, name);
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[data-resource-name="${name}"]`).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.editor-instance .view-line', { hasText: lineText }).first().waitFor({ timeout: UI_TIMEOUT });
}

/** Waits until the status bar shows the figure for `tokens`. */
export async function waitStatus(page, tokens, timeout = UI_TIMEOUT) {
  await page
    .locator(STATUS)
    .filter({ hasText: new RegExp(figurePattern(tokens)) })
    .waitFor({ timeout });
}

/** Waits until the workbench shows its explorer (after a load or a reload). */
export async function waitWorkbench(page) {
  await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.explorer-folders-view').waitFor({ timeout: UI_TIMEOUT });
}

/** Back to a plain editor after a failed step: closes quick inputs, menus and modal editors. */
export async function escapeAll(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => undefined);
}
