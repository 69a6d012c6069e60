// Editor benchmark (issue 8): the packaged .vsix in the real VS Code the e2e tests use (code-server + headless Chromium),
// measured as a user feels it. Prints a table with each floor, PASS/FAIL and the load average during each part.
// A benchmark, not a test: it never fails `npm test`, and a part that fails is reported as not measured.
// Options: --quick (fewer repetitions), --no-package (reuse out/bench-editor/llm-cost.vsix), --only=… (see `want`),
// --write-docs (replace the editor section of docs/benchmark.md; meant for a full run on a quiet machine).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { benchInit } from './bench-editor/page.mjs';
import { watchOtherWork } from './bench-editor/otherWork.mjs';
import { EXTENSION_ID, startServer } from './bench-editor/server.mjs';
import { ownActivationMs, packageProbe, PROBE_ID } from './bench-editor/probe.mjs';
import {
  activationMs,
  modelSwitches,
  openBigFile,
  panelOpens,
  reloadWindow,
  selectionLatency,
  typedKeys,
  typing,
} from './bench-editor/scenarios.mjs';
import { cliTokens, TYPING_MARKER, writeWorkspace } from './bench-editor/texts.mjs';
import { resetWorkbench, openFile, STATUS, UI_TIMEOUT, waitWorkbench } from './bench-editor/ui.mjs';
import { PARTS, renderReport } from './bench-editor/report.mjs';

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
const want = (part) => !only || only.includes(PARTS[part].option);
const TYPING = { keys: 17, gapMs: 150 };
const DEFAULT_MODEL = 'deepseek-flash';
const OUT = path.join(root, 'out/bench-editor');
const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 1000);
const measured = { failed: {}, loads: [], baseLoad: os.loadavg()[0] };

/** Runs one part: records the load average before and after it; a failure is noted (with a screenshot), not thrown. */
async function part(name, page, run) {
  if (!want(name)) return;
  const load = { part: name, start: os.loadavg()[0] };
  const otherWork = watchOtherWork();
  console.log(`[${seconds()} s] ${PARTS[name].label} (load ${load.start.toFixed(2)})`);
  try {
    await run();
  } catch (error) {
    const reason = error.message.split('\n')[0];
    const shot = path.join(OUT, `failure-${name}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.error(`  ${PARTS[name].label} not measured: ${reason}; screenshot: ${shot}`);
    measured.failed[name] = reason;
    await resetWorkbench(page);
  } finally {
    load.end = os.loadavg()[0];
    load.otherWork = otherWork();
    measured.loads.push(load);
  }
}

function packageVsix() {
  const vsix = path.join(OUT, 'llm-cost.vsix');
  if (process.argv.includes('--no-package') && existsSync(vsix)) return vsix;
  console.log('packaging the extension (npm run package)…');
  const r = spawnSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`packaging failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

/** Starts a server (with the .vsix, or without any extension) and a browser on its workbench; runs `parts(page)`. */
async function session(env, { dir, workspace, vsix, extras, names }, parts) {
  let server;
  let browser;
  try {
    server = await startServer(env, dir, workspace, vsix, extras);
    browser = await chromium.launch({
      executablePath: env.chromium,
      headless: true,
      args: chromiumArgs,
      env: { ...process.env, XDG_CONFIG_HOME: dir },
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(benchInit);
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}`);
    await waitWorkbench(page);
    await parts(page, server);
  } catch (error) {
    // The server or the workbench did not come up: every part of this session is unmeasured.
    const reason = error.message.split('\n')[0];
    console.error(`  ${vsix ? 'workbench with the extension' : 'workbench without the extension'} did not start: ${reason}`);
    for (const name of names.filter(want)) measured.failed[name] ??= reason;
  } finally {
    await browser?.close();
    server?.stop();
  }
}

async function withoutExtension(page) {
  await part('typingWithout', page, async () => {
    await openBigFile(page, undefined);
    measured.typingWithout = (await typing(page, TYPING)).samples;
    if ((await page.locator(STATUS).count()) > 0) throw new Error('the extension showed up in the workbench without it');
  });
}

async function withExtension(page, server, texts) {
  const count = (text, model = DEFAULT_MODEL) => cliTokens(root, text, model);
  const openShort = () => openFile(page, 'short.txt', texts.line600.slice(0, 20));
  await openShort(); // the status item shows once a file is open
  await part('selection', page, async () => {
    measured.sel600 = await selectionLatency(page, {
      reps: REPS,
      wholeTokens: count(texts.short),
      selectedTokens: count(texts.line600),
      place: () => page.keyboard.press('Control+Home').then(() => page.keyboard.press('End')),
      selectKey: 'Shift+Home',
    });
    await openFile(page, 'hundred.txt', texts.block.slice(0, 20));
    measured.sel100k = await selectionLatency(page, {
      reps: REPS,
      wholeTokens: count(texts.hundred),
      selectedTokens: count(texts.block),
      place: async () => {
        for (const key of ['Control+End', 'ArrowUp', 'End']) await page.keyboard.press(key);
      },
      selectKey: 'Control+Shift+Home',
    });
  });
  await part('switch', page, async () => {
    await openShort();
    // The first switch starts in the default model's family: the first settings write and the first run of the
    // switch's code cost ~50–300 ms once, whatever the model; the Mistral and Grok switches then show the vocabulary.
    const models = ['mistral-medium-2604', 'grok-4.3', DEFAULT_MODEL];
    const cycles = Array.from({ length: quick ? 1 : 3 }, () => models).flat();
    const order = ['deepseek-v4-pro', ...cycles].map((model) => ({ model, tokens: count(texts.short, model) }));
    measured.switches = await modelSwitches(page, order, DEFAULT_MODEL);
  });
  await part('panel', page, async () => {
    measured.panel = await panelOpens(page, quick ? 2 : 4, openShort);
  });
  const bigTokens = { before: count(texts.big) };
  await part('open', page, async () => {
    measured.open = await openBigFile(page, bigTokens.before);
  });
  await part('typing', page, async () => {
    if (!measured.open) await openBigFile(page, bigTokens.before);
    bigTokens.after = count(texts.big.replace(`${TYPING_MARKER}:`, `${TYPING_MARKER}:${typedKeys(TYPING.keys)}`));
    measured.typing = await typing(page, { ...TYPING, tokens: bigTokens });
  });
  await part('activation', page, async () => {
    // The first sample is the first start after installing; the extension host restarts on every reload after it.
    const sample = async () => ({ own: await ownActivationMs(page, server.userData, EXTENSION_ID), shown: await activationMs(page) });
    measured.activation = [await sample()];
    for (let i = 0; i < (quick ? 2 : 6); i++) {
      await reloadWindow(page);
      measured.activation.push(await sample());
    }
  });
}

async function main() {
  // The commit packaged: taken now, since the run lasts minutes.
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
  const env = testEnvironment();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'llm-cost-bench-editor-'));
  mkdirSync(OUT, { recursive: true });
  try {
    const vsix = packageVsix();
    const extras = want('activation') ? [{ vsix: packageProbe(OUT, root), id: PROBE_ID }] : [];
    // One workspace per server: typing in one must not change the files the other opens.
    const [withDir, withoutDir] = ['with', 'without'].map((name) => path.join(tmp, name));
    const workspace = (dir) => path.join(dir, 'workspace');
    [withDir, withoutDir].forEach((dir) => mkdirSync(workspace(dir), { recursive: true }));
    const [texts] = [withDir, withoutDir].map((dir) => writeWorkspace(workspace(dir)));
    if (want('typingWithout'))
      await session(env, { dir: withoutDir, workspace: workspace(withoutDir), names: ['typingWithout'] }, withoutExtension);
    const names = Object.keys(PARTS).filter((name) => name !== 'typingWithout');
    await session(env, { dir: withDir, workspace: workspace(withDir), vsix, extras, names }, (page, server) =>
      withExtension(page, server, texts),
    );
    writeFileSync(path.join(OUT, 'last.json'), JSON.stringify(measured, null, 1));
    const wanted = Object.keys(PARTS).filter(want);
    const { table, docSection } = renderReport(measured, {
      wanted,
      commit,
      quick,
      reused: process.argv.includes('--no-package'),
      seconds: seconds(),
    });
    console.log('\n' + table + '\n');
    if (process.argv.includes('--write-docs')) writeDocSection(docSection);
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
  console.log('editor section written to docs/benchmark.md; the README block is the table above');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error('bench:editor:', e.stack || e.message || e);
    process.exit(1);
  },
);
