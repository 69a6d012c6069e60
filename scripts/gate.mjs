// The gate `npm test` passes before any test runs: type checks (Node code and the DOM-only webview),
// ESLint with the layer rules, the formatter, and dependency-cruiser (no import cycles, layers kept).
// Each failed step ends with one line saying what failed and how to see or fix it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const FORMATTED = ['src/**/*.ts', 'test/**/*.{ts,js}', 'scripts/**/*.{mjs,ts,js}', '*.{mjs,cjs}'];
const steps = [
  { name: 'type check (Node code)', cmd: [bin('tsc'), '--noEmit', '-p', '.'], fix: 'fix the type errors above' },
  { name: 'type check (webview)', cmd: [bin('tsc'), '--noEmit', '-p', 'src/webview'], fix: 'fix the type errors above' },
  {
    name: 'lint',
    cmd: [bin('eslint'), '--max-warnings', '0', '.'],
    fix: 'fix the lint errors above (a restricted import breaks the layers in the README)',
  },
  { name: 'format', cmd: [bin('prettier'), '--check', ...FORMATTED], fix: 'run `npm run format`' },
  {
    name: 'architecture',
    cmd: [bin('depcruise'), 'src', 'test', '--config', '.dependency-cruiser.cjs'],
    fix: 'remove the import cycle or layer violation above',
  },
];

const only = process.argv.slice(2);
const failed = [];
for (const step of steps.filter((s) => !only.length || only.some((o) => s.name.startsWith(o)))) {
  const started = Date.now();
  const r = spawnSync(step.cmd[0], step.cmd.slice(1), { cwd: root, stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status === 0) console.log(`[gate] ${step.name}: ok (${secs} s)`);
  else {
    console.error(`[gate] ${step.name}: FAILED — ${step.fix}`);
    failed.push(step.name);
  }
}
if (failed.length) {
  console.error(`gate failed: ${failed.join(', ')}`);
  process.exit(1);
}
