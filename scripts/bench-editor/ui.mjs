// Driving the workbench: quick input, files, commands, the status bar. Every wait is on a visible condition.
import { figurePattern } from './texts.mjs';

export const STATUS = '[id="llm-cost-tools.llm-cost.llmCost.status"]';
export const STATUS_ROOT = '.part.statusbar';
/** Generous: a loaded 2-core machine can take tens of seconds for a step that takes one on a quiet one. */
export const UI_TIMEOUT = 120000;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens the quick input with `key` (none: it is already open), types `text` and waits until the row Enter would pick
 * (the focused one) is the one wanted: its label is exactly `label`, or (with `label` undefined) the row shows `rowText`.
 * Fuzzy ranking can focus another row first ("View: Close All Editor Groups" for "View: Close Editor"), so it moves
 * the focus down to the wanted row; pressing Enter on whatever row has appeared first opened the wrong thing.
 */
export async function quickPick(page, key, text, { label, rowText = label }) {
  if (key) await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(text);
  const wanted = (rows) =>
    label === undefined
      ? page.locator(rows, { hasText: rowText })
      : page.locator(rows).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  await wanted('.quick-input-list .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT });
  const focused = wanted('.quick-input-list .monaco-list-row.focused');
  for (let i = 0; i < 30; i++) {
    if ((await focused.count()) > 0) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the quick input did not focus ${JSON.stringify(label ?? rowText)}`);
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs a palette command and returns once it is picked. */
export async function runCommand(page, title) {
  await quickPick(page, 'F1', '>' + title, { label: title });
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open; resolves once its tab is active and `lineText` is on screen. */
export async function openFile(page, name, lineText) {
  await quickPick(page, 'Control+P', name, { label: name });
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

/** A clean workbench after a failed step: closes quick inputs, modal editors and every editor (each part opens its own). */
export async function resetWorkbench(page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => undefined);
  await runCommand(page, 'View: Close All Editor Groups').catch(() => undefined);
}
