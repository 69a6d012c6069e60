import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const hello = path.join(root, 'test/fixtures/cli/hello.txt');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, XAI_API_KEY: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('llm-cost built bundle (dist/cli.js)', function () {
  before(function () {
    if (!existsSync(cli)) {
      console.log('    skipped: dist/cli.js is missing; run `npm run build` first (npm test does)');
      this.skip();
    }
  });

  it('starts with a shebang so the bin runs directly', () => {
    assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
  });
  it('counts text piped on stdin', () => {
    const r = run(['count', '--model', 'deepseek-flash', '--json'], 'Hello, world! This is a plain prompt.\n');
    assert.equal(r.code, 0, r.stderr);
    const piped = JSON.parse(r.stdout) as { tokens: number; model: string };
    assert.equal(piped.model, 'deepseek-flash');
    const fromFile = JSON.parse(run(['count', '--model', 'deepseek-flash', '--json', hello]).stdout) as { tokens: number };
    assert.equal(piped.tokens, fromFile.tokens);
  });
  it('exits 3 over budget and 0 within it', () => {
    const over = run(['estimate', '--model', 'grok-4.7', '--max-cost', '0', '-'], 'some prompt text');
    assert.equal(over.code, 3);
    assert.match(over.stderr, /^llm-cost: over budget: grok-4\.7 /);
    const within = run(['estimate', '--model', 'grok-4.7', '--max-cost', '1', '-'], 'some prompt text');
    assert.equal(within.code, 0, within.stderr);
  });
  it('exits 2 with one line and no stack trace for bad input', () => {
    for (const args of [
      ['estimate', '--ratio', 'abc', hello],
      ['count', '--model', 'nope', hello],
      ['usage', '--model', 'grok-4.7', '--input-tokens', '-1', '--output-tokens', '0'],
    ]) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^llm-cost: [^\n]+\n$/);
      assert.equal(r.stdout, '');
    }
  });
  it('prints the usage bill', () => {
    const r = run([
      'usage',
      '--model',
      'deepseek-chat',
      '--at',
      '2025-01-15',
      '--cache-hit-tokens',
      '1000000',
      '--cache-miss-tokens',
      '2000000',
      '--output-tokens',
      '500000',
      '--json',
    ]);
    assert.equal(r.code, 0, r.stderr);
    // 0.014 + 0.28 + 0.14
    assert.equal((JSON.parse(r.stdout) as { total: number }).total, 0.434);
  });
});
