// The measured user actions on one workbench page. Every function returns plain numbers (ms) for the report.
import { figurePattern, TYPING_MARKER } from './texts.mjs';
import { timeKey } from './page.mjs';
import { openFile, quickPick, runCommand, sleep, STATUS, STATUS_ROOT, UI_TIMEOUT, waitStatus, waitWorkbench } from './ui.mjs';

/** `reps` samples of `measure(i)`, each followed by `reset(i)`. */
async function repeat(reps, measure, reset) {
  const samples = [];
  for (let i = 0; i < reps; i++) {
    samples.push(await measure(i));
    await reset(i);
  }
  return samples;
}

const statusWatch = (tokens) => ({ root: STATUS_ROOT, target: STATUS, pattern: figurePattern(tokens) });

/** Selection → status figure: `place` puts the cursor at the selection's end, `selectKey` selects, Right collapses. */
export async function selectionLatency(page, { reps, wholeTokens, selectedTokens, place, selectKey }) {
  await place();
  await waitStatus(page, wholeTokens);
  return repeat(
    reps,
    () => timeKey(page, statusWatch(selectedTokens), () => page.keyboard.press(selectKey)),
    async () => {
      await page.keyboard.press('ArrowRight');
      await waitStatus(page, wholeTokens);
      await sleep(300); // a pause between selections, as a user makes
    },
  );
}

/** Picks `model` in "LLM Cost: Select model"; `act` presses Enter (timed or not). */
async function selectModel(page, model, act = () => page.keyboard.press('Enter')) {
  await runCommand(page, 'LLM Cost: Select model');
  // The extension's picker (not the palette that opened it) is up once its placeholder names the current model.
  await page.locator('.quick-input-widget input[placeholder^="Current: "]').waitFor({ timeout: UI_TIMEOUT });
  await quickPick(page, undefined, model, { rowText: model });
  return act();
}

/** Model switch → new figure, for each model in `order` (with its expected tokens); the first time per family is cold. */
export async function modelSwitches(page, order, restoreModel) {
  try {
    return await repeat(
      order.length,
      async (i) => ({
        model: order[i].model,
        ms: await selectModel(page, order[i].model, () => timeKey(page, statusWatch(order[i].tokens), () => page.keyboard.press('Enter'))),
      }),
      () => sleep(300),
    );
  } catch (error) {
    // The later parts expect the default model: put it back before reporting the failure.
    await selectModel(page, restoreModel).catch(() => undefined);
    throw error;
  }
}

/** Comparison panel: command → the first row's total rendered; `reps` opens, closing the panel between them. */
export async function panelOpens(page, reps, reopen) {
  const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const total = view.locator('#comparison tr[data-model] td.total').filter({ hasText: /\d/ }).first();
  return repeat(
    reps,
    async () => {
      await reopen();
      await quickPick(page, 'F1', '>LLM Cost: Open cost comparison', { label: 'LLM Cost: Open cost comparison' });
      const started = Date.now();
      await page.keyboard.press('Enter');
      await total.waitFor({ timeout: UI_TIMEOUT });
      return Date.now() - started;
    },
    async () => {
      await runCommand(page, 'View: Close Editor');
      await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await sleep(500);
    },
  );
}

/**
 * After the 2 MB file shows, both sides wait this long before typing: the editor's own background work on a new
 * 2 MB model has no visible end, and typing sooner on the side without the extension (which has no figure to
 * wait for) measured its first keys 2-4 times slower than its last.
 */
const SETTLE_AFTER_OPEN_MS = 5000;

/** Opens the 2 MB file; with the extension (`bigTokens` given) records the status bar until its figure shows. */
export async function openBigFile(page, bigTokens) {
  const withExtension = bigTokens !== undefined;
  if (withExtension) await page.evaluate((t) => window.__bench.record(t), STATUS);
  const started = Date.now();
  await openFile(page, 'big.txt', TYPING_MARKER);
  const shown = Date.now();
  let result;
  if (withExtension) {
    await waitStatus(page, bigTokens);
    const figureMs = Date.now() - started;
    const { log, now } = await page.evaluate(() => window.__bench.stopRecording());
    result = { figureMs, warningMs: stateMs(log, now, (t) => /^LLM Cost$/.test(t)), texts: log.map((l) => l.text) };
  }
  await sleep(shown + SETTLE_AFTER_OPEN_MS - Date.now());
  return result;
}

/** The keys typed at the end of the first line of the 2 MB file. */
export const typedKeys = (keys) => Array.from({ length: keys }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');

/** Types `keys` at the cursor, `gapMs` apart; each sample is key press → the line shows `start` + the keys so far. */
function timeKeys(page, start, keys, gapMs) {
  return repeat(
    keys.length,
    (i) => {
      const watch = { root: '.part.editor', target: `line:${TYPING_MARKER}`, pattern: `^${start}${keys.slice(0, i + 1)}$` };
      return timeKey(page, watch, () => page.keyboard.press(keys[i]));
    },
    () => sleep(gapMs), // the typist's pace
  );
}

/** Deletes `count` typed keys; waits for the line (and, with the extension, the figure) as before typing. */
async function erase(page, count, start, tokens) {
  for (let i = 0; i < count; i++) await page.keyboard.press('Backspace');
  await page.locator('.editor-instance .view-line', { hasText: new RegExp(`^${start}$`) }).waitFor({ timeout: UI_TIMEOUT });
  if (tokens) await waitStatus(page, tokens.before);
}

/** Keys typed and erased before the measured ones, on both sides: the first keys in a fresh page run cold code. */
const WARM_UP_KEYS = 3;

/**
 * Key press → character painted at the end of the first line of the 2 MB file. With the extension (`tokens` given:
 * the file's count before and after typing) it records the status bar from the first measured key until the figure
 * for the typed text shows, and counts how often `counting…` appeared; then it deletes what it typed.
 */
export async function typing(page, { keys, gapMs, tokens }) {
  const start = `${TYPING_MARKER}:`;
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.locator('[id="status.editor.selection"]', { hasText: `Ln 1, Col ${start.length + 1}` }).waitFor({ timeout: UI_TIMEOUT });
  if (tokens) await waitStatus(page, tokens.before);
  await timeKeys(page, start, typedKeys(WARM_UP_KEYS), gapMs);
  await erase(page, WARM_UP_KEYS, start, tokens);
  if (tokens) await page.evaluate((t) => window.__bench.record(t), STATUS);
  const samples = await timeKeys(page, start, typedKeys(keys), gapMs);
  let flicker;
  if (tokens) {
    await Promise.all([waitStatus(page, tokens.after), sleep(1500)]); // a late `counting…` still counts
    const { log } = await page.evaluate(() => window.__bench.stopRecording());
    flicker = log.filter((l) => /counting/.test(l.text)).length;
  }
  await erase(page, keys, start, tokens);
  return { samples, flicker };
}

/** Reloads the window and waits for the workbench and the extension's status item. */
export async function reloadWindow(page) {
  const loaded = page.waitForEvent('load', { timeout: UI_TIMEOUT });
  await runCommand(page, 'Developer: Reload Window');
  await loaded;
  await waitWorkbench(page);
  await page.locator(STATUS).waitFor({ timeout: UI_TIMEOUT });
}

/** "Activation: N ms" of the extension in Developer: Show Running Extensions (code loading + activate call). */
export async function activationMs(page) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.monaco-list-row', { hasText: 'LLM Cost Estimator' }).first();
  const time = row.locator('.activation-time').filter({ hasText: /\d+ ?ms/ });
  await time.waitFor({ timeout: UI_TIMEOUT });
  const text = await time.innerText();
  await page.keyboard.press('Escape'); // VS Code 1.139 shows it as a modal editor
  await row.waitFor({ state: 'detached', timeout: 10000 }).catch(() => undefined);
  return Number(/(\d+) ?ms/.exec(text)[1]);
}

function stateMs(log, now, isState) {
  let total = 0;
  for (let i = 0; i < log.length; i++) if (isState(log[i].text)) total += (log[i + 1]?.at ?? now) - log[i].at;
  return Math.round(total);
}
