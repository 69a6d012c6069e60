// The measured user actions on one workbench page. Every function returns plain numbers (ms) for the report.
import { figurePattern, TYPING_MARKER } from './texts.mjs';
import { timeKey } from './page.mjs';

export const STATUS = '[id="llm-cost-tools.llm-cost.llmCost.status"]';
const STATUS_ROOT = '.part.statusbar';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 60000 });
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open; resolves once `lineText` is on screen. */
export async function openFile(page, name, lineText) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.view-line', { hasText: lineText }).first().waitFor({ timeout: 60000 });
}

async function waitStatus(page, tokens, timeout = 60000) {
  await page
    .locator(STATUS)
    .filter({ hasText: new RegExp(figurePattern(tokens)) })
    .waitFor({ timeout });
}

/** Selection → status figure: `place` puts the cursor at the selection's end, `selectKey` selects, Right collapses. */
export async function selectionLatency(page, { reps, wholeTokens, selectedTokens, place, selectKey }) {
  await place();
  await waitStatus(page, wholeTokens);
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const watch = { root: STATUS_ROOT, target: STATUS, pattern: figurePattern(selectedTokens) };
    samples.push(await timeKey(page, watch, () => page.keyboard.press(selectKey)));
    await page.keyboard.press('ArrowRight');
    await waitStatus(page, wholeTokens);
    await sleep(300);
  }
  return samples;
}

/** Model switch → new figure, for each model in `order` (with its expected tokens); the first time per family is cold. */
export async function modelSwitches(page, order) {
  const samples = [];
  for (const { model, tokens } of order) {
    await runCommand(page, 'LLM Cost: Select model');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(model);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: model }).first().waitFor();
    await sleep(200);
    const ms = await timeKey(page, { root: STATUS_ROOT, target: STATUS, pattern: figurePattern(tokens) }, () =>
      page.keyboard.press('Enter'),
    );
    samples.push({ model, ms });
    await sleep(300);
  }
  return samples;
}

/** Comparison panel: command → the first row's total rendered; `reps` opens, closing the panel between them. */
export async function panelOpens(page, reps, reopen) {
  const samples = [];
  for (let i = 0; i < reps; i++) {
    await reopen();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill('>LLM Cost: Open cost comparison');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open cost comparison' }).first().waitFor();
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const total = view.locator('#comparison tr[data-model] td.total').filter({ hasText: /\d/ }).first();
    const started = Date.now();
    await page.keyboard.press('Enter');
    await total.waitFor({ timeout: 60000 });
    samples.push(Date.now() - started);
    await runCommand(page, 'View: Close Editor');
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 20000 });
    await sleep(500);
  }
  return samples;
}

/** Opens the 2 MB file and records the status bar until its figure shows: warnings seen and time to the figure. */
export async function openBigFile(page, bigTokens, withExtension) {
  if (withExtension) await page.evaluate((t) => window.__bench.record(t), STATUS);
  const started = Date.now();
  await openFile(page, 'big.txt', TYPING_MARKER);
  if (!withExtension) return undefined;
  await waitStatus(page, bigTokens, 120000);
  const figureMs = Date.now() - started;
  const { log, now } = await page.evaluate(() => window.__bench.stopRecording());
  return { figureMs, warningMs: stateMs(log, now, (t) => /^LLM Cost$/.test(t)), texts: log.map((l) => l.text) };
}

/** Key press → character painted on the first line of the 2 MB file; records the status bar meanwhile. */
export async function typing(page, { keys, gapMs, withExtension }) {
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await sleep(1000);
  if (withExtension) await page.evaluate((t) => window.__bench.record(t), STATUS);
  const samples = [];
  let typed = `${TYPING_MARKER}:`;
  for (let i = 0; i < keys; i++) {
    const key = String.fromCharCode(97 + (i % 26));
    typed += key;
    const watch = { root: '.editor-instance', target: `line:${TYPING_MARKER}`, pattern: `^${typed}$` };
    samples.push(await timeKey(page, watch, () => page.keyboard.press(key)));
    await sleep(gapMs);
  }
  await sleep(1500);
  let flicker;
  if (withExtension) {
    const { log } = await page.evaluate(() => window.__bench.stopRecording());
    flicker = log.filter((l) => /counting/.test(l.text)).length;
  }
  for (let i = 0; i < keys; i++) await page.keyboard.press('Backspace');
  return { samples, flicker };
}

/** "Activation: N ms" of the extension in Developer: Show Running Extensions (code loading + activate call). */
export async function activationMs(page) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.monaco-list-row', { hasText: 'LLM Cost Estimator' }).first();
  const time = row.locator('.activation-time').filter({ hasText: /\d+ ?ms/ });
  await time.waitFor({ timeout: 30000 });
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
