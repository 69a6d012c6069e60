// Starts code-server (the real VS Code 1.139 the e2e tests use) on a free port, with or without the packaged .vsix.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

const { workbenchSettings } = createRequire(import.meta.url)('../../test/vscode/paths.js');

/** The settings the e2e tests use, so both runs see the same workbench, plus the benchmark's own. */
const SETTINGS = {
  ...workbenchSettings,
  // Files opened with Quick Open stay open when the comparison panel opens in the same group.
  'workbench.editor.enablePreview': false,
  'workbench.editor.enablePreviewFromQuickOpen': false,
};

export const EXTENSION_ID = 'llm-cost-tools.llm-cost';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
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

/**
 * Starts a server in its own process group; `vsix` undefined starts one without the extension, `extras` are more
 * .vsix files to install beside it, as { vsix, id }. Returns { base, userData, stop }.
 */
export async function startServer(env, dir, workspace, vsix, extras = []) {
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  const xdg = path.join(dir, 'xdg');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS));
  const entry = path.join(env.codeServer, 'out/node/entry.js');
  const csEnv = { ...process.env, PATH: `${path.dirname(env.node)}:${process.env.PATH}`, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg };
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  for (const file of [vsix, ...extras.map((e) => e.vsix)].filter(Boolean)) {
    const r = spawnSync(env.node, [entry, ...common, '--install-extension', file], { env: csEnv, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${path.basename(file)} failed: ${r.stderr}`);
  }
  // The comparison is only fair if the server without the extension really has none (and the other has exactly it).
  const listed = spawnSync(env.node, [entry, ...common, '--list-extensions'], { env: csEnv, encoding: 'utf8' }).stdout;
  const installed = listed.split('\n').filter((line) => /^[\w-]+\.[\w-]+$/.test(line.trim())); // not its log lines
  const expected = [...(vsix ? [EXTENSION_ID] : []), ...extras.map((e) => e.id)].sort();
  if (installed.sort().join() !== expected.join()) throw new Error(`expected ${expected.join(', ') || 'no extensions'}, listed: ${listed}`);
  const port = await freePort();
  const args = [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...common];
  args.push('--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--reconnection-grace-time', '30', workspace);
  const server = spawn(env.node, args, { env: csEnv, detached: true, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/healthz`, 60000);
  return {
    base,
    userData,
    stop() {
      try {
        if (server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}
