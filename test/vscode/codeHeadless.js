#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches: no VS Code
// desktop can be downloaded here, so this starts the VS Code server shipped in npm's code-server with
// --enable-smoke-test-driver and opens its workbench in headless Chromium, with the extension
// development and test paths in the URL payload. The suite runs in the real (remote) extension host;
// its console reaches us through window.codeAutomationLog and its exit code through codeAutomationExit.
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');
const { testEnvironment, chromiumArgs } = require('./paths');

const TIMEOUT_MS = Number(process.env.CODE_HEADLESS_TIMEOUT_MS || 300000);
const VERBOSE = Boolean(process.env.CODE_HEADLESS_VERBOSE);
// Workbench chatter that is not the test suite's output.
const NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|\[AgentHost|\[ChatModelSelection\]|\[AccountPolicyGate\]|Updating additional builtin|\[Service Worker\]|Timed out waiting for authentication provider|getaddrinfo ENOTFOUND|Extension host \(Remote\) is unresponsive|ExtensionService#|Creation of workbench contribution)/;

function parseArgs(argv) {
  const out = { dev: [], folders: [] };
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!m) {
      out.folders.push(arg);
      continue;
    }
    if (m[1] === 'extensionDevelopmentPath') out.dev.push(path.resolve(m[2]));
    else if (m[1] === 'extensionTestsPath') out.tests = path.resolve(m[2]);
    else if (m[1] === 'user-data-dir') out.userDataDir = path.resolve(m[2]);
    else if (m[1] === 'extensions-dir') out.extensionsDir = path.resolve(m[2]);
    // Electron-only flags (--no-sandbox, --disable-updates, …) do not apply to the server.
  }
  return out;
}

/** Starts the VS Code server in its own process group; resolves with its port. */
function startServer(env, dirs) {
  const server = spawn(
    env.node,
    [
      path.join(env.vscode, 'out/server-main.js'),
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--telemetry-level',
      'off',
      '--disable-workspace-trust',
      '--server-data-dir',
      dirs.serverData,
      '--user-data-dir',
      dirs.userData,
      '--extensions-dir',
      dirs.extensions,
    ],
    { env: process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = [];
  const port = new Promise((resolve, reject) => {
    const onData = (d) => {
      log.push(String(d));
      const m = /Extension host agent listening on (\d+)/.exec(String(d));
      if (m) resolve(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (c) => reject(new Error(`VS Code server exited early (${c}):\n${log.join('')}`)));
    setTimeout(() => reject(new Error(`VS Code server did not start:\n${log.join('')}`)), 60000);
  });
  return { server, port };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.tests || !args.dev.length) throw new Error('need --extensionDevelopmentPath and --extensionTestsPath');
  const env = testEnvironment();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-headless-'));
  const dirs = {
    serverData: path.join(tmp, 'server-data'),
    userData: args.userDataDir || path.join(tmp, 'user-data'),
    extensions: args.extensionsDir || path.join(tmp, 'extensions'),
  };
  const machineSettings = path.join(dirs.serverData, 'data', 'Machine');
  fs.mkdirSync(machineSettings, { recursive: true });
  fs.writeFileSync(
    path.join(machineSettings, 'settings.json'),
    JSON.stringify({
      'chat.disableAIFeatures': true,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'workbench.startupEditor': 'none',
      'git.enabled': false,
    }),
  );
  let server;
  let browser;
  try {
    const started = startServer(env, dirs);
    server = started.server;
    const host = `127.0.0.1:${await started.port}`;
    const remote = (p) => `vscode-remote://${host}${p}`;
    const payload = [...args.dev.map((d) => ['extensionDevelopmentPath', remote(d)]), ['extensionTestsPath', remote(args.tests)]];
    const folder = args.folders.find((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
    const where = folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true';
    browser = await chromium.launch({
      executablePath: env.chromium,
      headless: true,
      args: chromiumArgs,
      env: { ...process.env, XDG_CONFIG_HOME: tmp },
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let finish;
    const exited = new Promise((resolve) => {
      finish = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = util.format(...(logArgs || []));
      if (VERBOSE || !NOISE.test(line)) (type === 'error' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    await page.goto(`http://${host}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS))]);
    if (code === 'timeout') console.error(`codeHeadless: tests did not finish within ${TIMEOUT_MS} ms`);
    if (code !== 0 && process.env.CODE_HEADLESS_SCREENSHOT)
      await page.screenshot({ path: process.env.CODE_HEADLESS_SCREENSHOT }).catch(() => {});
    return code === 'timeout' ? 1 : Number(code);
  } finally {
    if (browser) await browser.close().catch(() => {});
    try {
      if (server && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('codeHeadless:', e.message || e);
    process.exit(1);
  },
);
