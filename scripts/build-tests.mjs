// Bundles each test file with esbuild (same module handling as the product build) into out/.
// npm packages stay external and load from node_modules; `vscode` is provided by the extension host.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const suites = process.argv.slice(2).length ? process.argv.slice(2) : ['unit'];
for (const suite of suites) {
  const dir = path.join(root, 'test', suite);
  const entryPoints = walk(dir).filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'));
  rmSync(path.join(root, 'out', suite), { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: path.join(root, 'out', suite),
    outbase: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    packages: 'external',
    external: ['vscode'],
    logLevel: 'warning',
  });
}
