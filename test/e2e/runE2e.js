#!/usr/bin/env node
// UI tests on the real workbench: packages the extension as a user gets it (.vsix), installs it into
// code-server, serves a workspace on 127.0.0.1, and runs the mocha suites in test/e2e against it with
// playwright-core driving Debian's Chromium.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { Mocha } = require('mocha');
const { root, testEnvironment, workbenchSettings } = require('../vscode/paths');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url}`);
}

async function main() {
  const env = testEnvironment();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-e2e-'));
  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    workspace: path.join(tmp, 'workspace'),
    xdg: path.join(tmp, 'xdg'),
  };
  fs.cpSync(path.join(root, 'test/e2e/workspace'), dirs.workspace, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(workbenchSettings));
  const vsix = path.join(tmp, 'llm-cost.vsix');
  const codeServer = [path.join(env.codeServer, 'out/node/entry.js')];
  const csEnv = {
    ...process.env,
    PATH: `${path.dirname(env.node)}:${process.env.PATH}`,
    XDG_CONFIG_HOME: dirs.xdg,
    XDG_DATA_HOME: dirs.xdg,
  };
  let server;
  try {
    console.log('packaging the extension…');
    sh('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix]);
    sh(env.node, [...codeServer, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix], {
      env: csEnv,
    });
    const port = await freePort();
    server = spawn(
      env.node,
      [
        ...codeServer,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--user-data-dir',
        dirs.userData,
        '--extensions-dir',
        dirs.extensions,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--reconnection-grace-time',
        '30',
        dirs.workspace,
      ],
      { env: csEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const serverLog = [];
    server.stdout.on('data', (d) => serverLog.push(String(d)));
    server.stderr.on('data', (d) => serverLog.push(String(d)));
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`, 60000);
    process.env.E2E_BASE_URL = base;
    process.env.E2E_WORKSPACE = dirs.workspace;
    process.env.E2E_TMP = tmp;
    const mocha = new Mocha({ timeout: 180000, reporter: path.join(root, 'test/support/summaryReporter.js') });
    for (const f of fs
      .readdirSync(__dirname)
      .filter((f) => f.endsWith('.test.js'))
      .sort())
      mocha.addFile(path.join(__dirname, f));
    const failures = await new Promise((resolve) => mocha.run(resolve));
    if (failures && process.env.E2E_VERBOSE) console.log(serverLog.join(''));
    return failures ? 1 : 0;
  } finally {
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
    console.error('e2e:', e.message || e);
    process.exit(1);
  },
);
