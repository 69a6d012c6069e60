// Editor benchmark (issue 8): the packaged .vsix in the real VS Code the e2e tests use (code-server + headless Chromium),
// measured as a user feels it. Prints a table with each floor and PASS/FAIL, writes the editor section of
// docs/benchmark.md and prints the README block. A benchmark, not a test: it never fails `npm test`.
// Options: --quick (fewer repetitions), --no-package (reuse out/bench-editor/llm-cost.vsix), --only=… (see `want`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { benchInit } from './bench-editor/page.mjs';
import { startServer } from './bench-editor/server.mjs';
import {
  activationMs,
  modelSwitches,
  openBigFile,
  openFile,
  panelOpens,
  runCommand,
  selectionLatency,
  STATUS,
  typing,
} from './bench-editor/scenarios.mjs';
import { cliTokens, writeWorkspace } from './bench-editor/texts.mjs';
import { renderReport } from './bench-editor/report.mjs';

const require = createRequire(import.meta.url);
const { root, testEnvironment, chromiumArgs } = require('../test/vscode/paths.js');
const { chromium } = require('playwright-core');

const quick = process.argv.includes('--quick');
const REPS = quick ? 3 : 9;
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
/** --only=selection,switch,panel,typing,activation runs just those parts (for debugging; the table then has gaps). */
const want = (part) => !only || only.includes(part);
const TYPING = { keys: 17, gapMs: 150 };
const started = Date.now();
const loads = [];
const noteLoad = (when) => {
  loads.push({ when, load: os.loadavg()[0] });
  console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${when}`);
};

function packageVsix() {
  const vsix = path.join(root, 'out/bench-editor/llm-cost.vsix');
  if (process.argv.includes('--no-package') && existsSync(vsix)) return vsix;
  mkdirSync(path.dirname(vsix), { recursive: true });
  console.log('packaging the extension (npm run package)…');
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`packaging failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

async function openWorkbench(env, server, workspace, tmp) {
  const browser = await chromium.launch({
    executablePath: env.chromium,
    headless: true,
    args: chromiumArgs,
    env: { ...process.env, XDG_CONFIG_HOME: tmp },
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript(benchInit);
  await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
  await page.locator('.explorer-folders-view').waitFor({ timeout: 90000 });
  return { browser, page };
}

async function selections(page, texts, count, result) {
  noteLoad('selection');
  result.sel600 = await selectionLatency(page, {
    reps: REPS,
    wholeTokens: count(texts.short),
    selectedTokens: count(texts.line600),
    place: async () => {
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
    },
    selectKey: 'Shift+Home',
  });
  await openFile(page, 'hundred.txt', texts.block.slice(0, 20));
  result.sel100k = await selectionLatency(page, {
    reps: REPS,
    wholeTokens: count(texts.hundred),
    selectedTokens: count(texts.block),
    place: async () => {
      await page.keyboard.press('Control+End');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('End');
    },
    selectKey: 'Control+Shift+Home',
  });
  await openFile(page, 'short.txt', texts.line600.slice(0, 20));
}

async function activations(page, result) {
  noteLoad('activation');
  result.activation = [await activationMs(page)];
  for (let i = 0; i < (quick ? 1 : 2); i++) {
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForTimeout(1500);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
    await page.locator(STATUS).waitFor({ timeout: 90000 });
    result.activation.push(await activationMs(page));
  }
}

async function withExtension(env, vsix, workspace, tmp, texts) {
  const count = (text, model = 'deepseek-flash') => cliTokens(root, text, model);
  const server = await startServer(env, path.join(tmp, 'with'), workspace, vsix);
  const { browser, page } = await openWorkbench(env, server, workspace, tmp);
  const result = {};
  try {
    await page
      .locator(STATUS)
      .waitFor({ state: 'attached', timeout: 90000 })
      .catch(() => undefined);
    await openFile(page, 'short.txt', texts.line600.slice(0, 20));
    if (want('selection')) await selections(page, texts, count, result);
    if (want('switch')) {
      noteLoad('model switch');
      const models = ['mistral-medium-2604', 'grok-4.3', 'deepseek-flash'];
      const order = [];
      for (let cycle = 0; cycle < (quick ? 1 : 3); cycle++)
        for (const model of models) order.push({ model, tokens: count(texts.short, model) });
      result.switches = await modelSwitches(page, order);
    }
    if (want('panel')) {
      noteLoad('panel');
      result.panel = await panelOpens(page, quick ? 2 : 4, () => openFile(page, 'short.txt', texts.line600.slice(0, 20)));
    }
    if (want('typing')) {
      noteLoad('2 MB file');
      result.open = await openBigFile(page, count(texts.big), true);
      result.typing = await typing(page, { ...TYPING, withExtension: true });
    }
    if (want('activation')) await activations(page, result);
  } catch (error) {
    const shot = path.join(root, 'out/bench-editor/failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.error(`failed: ${error.message.split('\n')[0]}; screenshot: ${shot}. The table shows what was measured before.`);
    result.failed = error.message.split('\n')[0];
  } finally {
    await browser.close();
    server.stop();
  }
  return result;
}

async function withoutExtension(env, workspace, tmp) {
  const server = await startServer(env, path.join(tmp, 'without'), workspace, undefined);
  const { browser, page } = await openWorkbench(env, server, workspace, tmp);
  try {
    noteLoad('typing without the extension');
    await openBigFile(page, 0, false);
    return (await typing(page, { ...TYPING, withExtension: false })).samples;
  } finally {
    await browser.close();
    server.stop();
  }
}

async function main() {
  // The commit packaged: taken now, since the run lasts minutes.
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const env = testEnvironment();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'llm-cost-bench-editor-'));
  try {
    const vsix = packageVsix();
    // One workspace per server: typing in one must not change the files the other opens.
    const workspaces = ['with', 'without'].map((name) => path.join(tmp, `workspace-${name}`));
    workspaces.forEach((w) => mkdirSync(w));
    const [texts] = workspaces.map((w) => writeWorkspace(w));
    const without = want('typing') ? await withoutExtension(env, workspaces[1], tmp) : [];
    const measured = await withExtension(env, vsix, workspaces[0], tmp, texts);
    measured.typingWithout = without;
    measured.loads = loads;
    mkdirSync(path.join(root, 'out/bench-editor'), { recursive: true });
    writeFileSync(path.join(root, 'out/bench-editor/last.json'), JSON.stringify(measured, null, 1));
    const { table, readme, docSection } = renderReport(measured, {
      quick,
      reused: process.argv.includes('--no-package'),
      seconds: Math.round((Date.now() - started) / 1000),
    });
    console.log('\n' + table + '\n');
    writeDocSection(docSection);
    console.log('README block (between <!-- bench-editor:start --> and <!-- bench-editor:end -->):\n\n' + readme);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Replaces the editor section of docs/benchmark.md (between its markers), keeping the tokenizer section. */
function writeDocSection(section) {
  const file = path.join(root, 'docs/benchmark.md');
  const start = '<!-- bench-editor:start -->';
  const end = '<!-- bench-editor:end -->';
  const doc = readFileSync(file, 'utf8');
  const block = `${start}\n${section}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  writeFileSync(file, i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + end.length) : `${doc.trimEnd()}\n\n${block}\n`);
  console.log('editor section written to docs/benchmark.md');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error('bench:editor:', e.stack || e.message || e);
    process.exit(1);
  },
);
