// A benchmark-only extension installed beside the .vsix: on its command it writes the extension host's performance marks
// (VS Code's own, set around each extension's code loading and activate call) to its global storage. It activates
// only on that command, so it is never in the start-up batch it measures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCommand, sleep } from './ui.mjs';

export const PROBE_ID = 'llm-cost-bench.activation-probe';
const COMMAND_TITLE = 'LLM Cost bench: write activation marks';

const MANIFEST = {
  name: 'activation-probe',
  displayName: 'LLM Cost bench activation probe',
  publisher: 'llm-cost-bench',
  version: '0.0.1',
  engines: { vscode: '^1.101.0' },
  main: './probe.js',
  activationEvents: [],
  contributes: { commands: [{ command: 'llmCostBench.writeMarks', title: COMMAND_TITLE }] },
};

// `MonacoPerformanceMarks` is where the extension host keeps its marks in Node (VS Code's vs/base/common/performance).
const PROBE_JS = `const vscode = require('vscode');
const fs = require('fs');
const path = require('path');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('llmCostBench.writeMarks', () => {
    const marks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? null;
    fs.mkdirSync(context.globalStorageUri.fsPath, { recursive: true });
    fs.writeFileSync(path.join(context.globalStorageUri.fsPath, 'marks.json'), JSON.stringify(marks));
  }));
};
`;

/** Packages the probe into `outDir` (vsce, as the real extension); returns the .vsix path. */
export function packageProbe(outDir, root) {
  const dir = path.join(outDir, 'probe');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(MANIFEST, null, 1));
  writeFileSync(path.join(dir, 'probe.js'), PROBE_JS);
  writeFileSync(path.join(dir, 'README.md'), 'Benchmark-only: writes the extension host performance marks.\n');
  const vsix = path.join(outDir, 'activation-probe.vsix');
  const vsce = path.join(root, 'node_modules/.bin/vsce');
  const r = spawnSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '-o', vsix], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the probe failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

/**
 * The extension's own activation in the running extension host, from VS Code's marks: its code loading
 * (willLoadExtensionCode → didLoadExtensionCode) plus its activate call (willActivateExtension → didActivateExtension).
 * Developer: Show Running Extensions times code loading from before an `await`, so its figure also holds the code
 * loading of every extension activated in the same batch ahead of this one; these marks hold this one's only.
 */
export async function ownActivationMs(page, userData, extensionId) {
  const file = path.join(userData, 'User', 'globalStorage', PROBE_ID, 'marks.json');
  rmSync(file, { force: true });
  await runCommand(page, COMMAND_TITLE);
  for (let waited = 0; !existsSync(file); waited += 100) {
    if (waited > 30000) throw new Error(`the probe wrote no marks to ${file}`);
    await sleep(100);
  }
  await sleep(100); // written in one call; let it finish
  const marks = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(marks)) throw new Error('the extension host keeps no performance marks (MonacoPerformanceMarks)');
  const at = (name) => {
    const found = marks.filter((m) => m.name === `code/extHost/${name}/${extensionId}`).at(-1);
    if (!found) throw new Error(`no ${name} mark for ${extensionId}`);
    return found.startTime;
  };
  const loading = at('didLoadExtensionCode') - at('willLoadExtensionCode');
  const activateCall = at('didActivateExtension') - at('willActivateExtension');
  return { ms: loading + activateCall, loading, activateCall };
}
