// Builds everything a user gets: the extension host bundle, the counting worker, the webview script,
// the CLI, and the compact tokenizer vocabularies (dist/vocab). `--production` minifies, no source maps.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const production = process.argv.includes('--production');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const at = (p) => path.join(root, p);

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  // ES module builds first: jsonc-parser's "main" is a UMD file whose dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
};
const entries = [
  // VS Code loads the small entry; it runs the host bundle through V8's code cache (src/host/codeCache.ts).
  { ...node, entryPoints: [at('src/host/entry.ts')], outfile: at('dist/extension.js') },
  { ...node, entryPoints: [at('src/host/extension.ts')], outfile: at('dist/host.js') },
  { ...node, entryPoints: [at('src/host/counting/countWorker.ts')], outfile: at('dist/countWorker.js') },
  { ...node, entryPoints: [at('src/cli/main.ts')], outfile: at('dist/cli.js'), banner: { js: '#!/usr/bin/env node' } },
  {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    entryPoints: [at('src/webview/main.ts')],
    outfile: at('dist/webview.js'),
  },
].filter((e) => existsSync(e.entryPoints[0]));

mkdirSync(at('dist'), { recursive: true });
// Settle every bundle before failing, so one broken entry does not hide the others' errors.
const results = await Promise.allSettled(entries.map((e) => esbuild.build(e)));
const failed = results.filter((r) => r.status === 'rejected').length;

// Vocabulary builders: each scripts/vocab/*.mjs writes its files under dist/vocab and skips work already done.
const vocabDir = at('scripts/vocab');
if (existsSync(vocabDir)) {
  for (const f of readdirSync(vocabDir)
    .filter((f) => f.endsWith('.mjs'))
    .sort()) {
    const r = spawnSync(process.execPath, [path.join(vocabDir, f)], { stdio: 'inherit', cwd: root });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}
if (existsSync(at('dist/cli.js'))) chmodSync(at('dist/cli.js'), 0o755); // runnable as ./dist/cli.js too
if (failed) {
  console.error(`build failed: ${failed} of ${entries.length} bundles had errors`);
  process.exit(1);
}
console.log(`built ${entries.length} bundles${production ? ' (production)' : ''}`);

// `--watch` (npm run watch, the F5 pre-launch task): rebuild every bundle on change until stopped.
if (process.argv.includes('--watch')) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context(e)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching src/ for changes (Ctrl+C to stop)');
}
