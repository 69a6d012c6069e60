// docs/cli.md and the README's cli-examples block show real output of the built CLI (scripts/docs-cli.mjs).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

describe('CLI documentation', function () {
  this.timeout(120_000);

  it('matches real output of every documented command (else: run npm run docs:cli)', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/docs-cli.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || run.stdout);
  });
});
