// Regenerates the output in docs/cli.md and in the README's cli-examples block from real runs of the CLI:
// every "$ command" line of a console block runs (bash, in a scratch folder holding docs/examples/cli/*),
// and the lines after it become its output (stdout and stderr, in order). The clock is pinned to DOCS_NOW so
// ages and peak hours are stable.
// `--check` changes nothing and fails when a block differs from real output (npm test runs it).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DOCS_NOW = '2026-11-28T12:00:00Z';
const check = process.argv.includes('--check');
const targets = [
  { file: 'docs/cli.md', start: undefined, end: undefined },
  { file: 'README.md', start: '<!-- cli-examples:start -->', end: '<!-- cli-examples:end -->' },
];

const scratch = mkdtempSync(path.join(tmpdir(), 'llm-cost-docs-'));
try {
  // The built CLI (dist/cli.js) with only the clock pinned: a preload makes `new Date()` and Date.now() DOCS_NOW.
  const bin = path.join(scratch, '.bin');
  mkdirSync(bin);
  const clock = path.join(bin, 'fixed-now.cjs');
  writeFileSync(
    clock,
    `const fixed = Date.parse(${JSON.stringify(DOCS_NOW)});
globalThis.Date = class extends Date {
  constructor(...args) { super(...(args.length ? args : [fixed])); }
  static now() { return fixed; }
};
`,
  );
  const cli = path.join(root, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build first');
  writeFileSync(path.join(bin, 'llm-cost'), `#!/bin/sh\nexec "${process.execPath}" --require "${clock}" "${cli}" "$@"\n`);
  chmodSync(path.join(bin, 'llm-cost'), 0o755);
  const work = path.join(scratch, 'work');
  cpSync(path.join(root, 'docs/examples/cli'), work, { recursive: true });
  symlinkSync(path.join(root, 'docs'), path.join(work, 'docs'));
  const env = { PATH: `${bin}:${process.env.PATH}`, HOME: scratch, TZ: 'UTC', LANG: 'C.UTF-8' };

  let stale = [];
  for (const target of targets) {
    const file = path.join(root, target.file);
    const text = readFileSync(file, 'utf8');
    const from = target.start ? text.indexOf(target.start) : 0;
    const to = target.end ? text.indexOf(target.end) : text.length;
    if (from < 0 || to < 0) throw new Error(`${target.file}: markers ${target.start} … ${target.end} not found`);
    const updated = text.slice(0, from) + regenerate(text.slice(from, to), work, env) + text.slice(to);
    if (updated === text) continue;
    if (check) stale.push(`${target.file}: ${firstDifference(text, updated)}`);
    else writeFileSync(file, updated);
  }
  if (stale.length) {
    console.error(`CLI examples differ from real output (run npm run docs:cli):\n${stale.join('\n')}`);
    process.exitCode = 1;
  } else console.log(check ? 'CLI examples match real output' : 'CLI examples regenerated');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Rewrites the output of every ```console block in `text`. */
function regenerate(text, cwd, env) {
  return text.replace(/```console\n([\s\S]*?)```/g, (_, body) => {
    const commands = body.split('\n').filter((line) => line.startsWith('$ '));
    let status = 0;
    const lines = [];
    for (const line of commands) {
      const command = line.slice(2);
      let output;
      if (command === 'echo $?') output = `${status}\n`;
      else {
        const run = spawnSync('bash', ['-c', `${command} 2>&1`], { cwd, env, encoding: 'utf8' });
        status = run.status ?? 1;
        output = run.stdout;
      }
      lines.push(line, ...(output ? output.replace(/\n$/, '').split('\n') : []));
    }
    return '```console\n' + lines.join('\n') + '\n```';
  });
}

function firstDifference(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `line ${i + 1}: documented ${JSON.stringify(x[i] ?? '')}, real ${JSON.stringify(y[i] ?? '')}`;
}
