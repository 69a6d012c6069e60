// The entry module runs the host bundle through V8's code cache: the module must behave exactly as `require` would,
// a stored cache must be used at the next start, and a cache of another build or a damaged one must never be run.
// Each start is its own Node process, as each VS Code start is: within one process V8 reuses its in-memory
// compilation of the same source and never reads the stored cache.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import type { CacheUse } from '../../src/host/codeCache';
import { loadWithCodeCache } from '../../src/host/codeCache';

const root = path.resolve(__dirname, '../..');

interface Start {
  cache: CacheUse;
  answer: number;
  stored: boolean | null;
}

/** One start in a new process: loads `file` through the loader bundle, calls answer(), and stores the cache if asked. */
function start(loader: string, file: string, cacheDir: string, store = false): Start {
  const script = [
    'const [loader, file, cacheDir, store] = process.argv.slice(1);',
    'const loaded = require(loader).loadWithCodeCache(file, cacheDir);',
    'const answer = loaded.exports.answer();',
    "Promise.resolve(store === 'store' ? loaded.store() : null)",
    '  .then((stored) => console.log(JSON.stringify({ cache: loaded.cache, answer, stored })));',
  ].join('\n');
  const r = spawnSync(process.execPath, ['-e', script, loader, file, cacheDir, store ? 'store' : ''], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Start;
}

interface Sample {
  answer(): number;
  helper: string;
  where: { file: string; dir: string };
  fail: () => never;
}

const SAMPLE = [
  "const helper = require('./helper.js');",
  'exports.answer = () => 6 * 7;',
  'exports.helper = helper.name;',
  'exports.where = { file: __filename, dir: __dirname };',
  "exports.fail = () => { throw new Error('thrown on line 5'); };",
].join('\n');

describe('loadWithCodeCache', function () {
  this.timeout(60_000);
  const loaderDir = mkdtempSync(path.join(os.tmpdir(), 'llm-cost-code-cache-loader-'));
  const loader = path.join(loaderDir, 'codeCache.js');
  before(() =>
    esbuild.build({
      entryPoints: [path.join(root, 'src/host/codeCache.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: loader,
      logLevel: 'silent',
    }),
  );
  after(() => rmSync(loaderDir, { recursive: true, force: true }));
  let dir: string;
  let cacheDir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'llm-cost-code-cache-'));
    cacheDir = path.join(dir, 'cache');
    file = path.join(dir, 'host.js');
    writeFileSync(file, SAMPLE);
    writeFileSync(path.join(dir, 'helper.js'), "exports.name = 'helper next to the bundle';");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the module as require would: exports, require relative to it, __filename, __dirname, line numbers', () => {
    const loaded = loadWithCodeCache<Sample>(file, cacheDir);
    assert.equal(loaded.exports.answer(), 42);
    assert.equal(loaded.exports.helper, 'helper next to the bundle');
    assert.deepEqual(loaded.exports.where, { file, dir });
    assert.throws(loaded.exports.fail, (e: Error) => e.stack!.includes(`${file}:5:`));
  });

  it('stores a cache after the first start and uses it at the next, without storing again', () => {
    assert.deepEqual(start(loader, file, cacheDir, true), { cache: 'none', answer: 42, stored: true });
    assert.equal(readdirSync(cacheDir).length, 1);
    assert.deepEqual(start(loader, file, cacheDir, true), { cache: 'used', answer: 42, stored: false });
  });

  it('a changed bundle gets its own cache and the old one is removed when the new one is stored', () => {
    start(loader, file, cacheDir, true);
    const [oldName] = readdirSync(cacheDir);
    writeFileSync(file, SAMPLE.replace('6 * 7', '6 * 8')); // the same length: V8 alone would not tell them apart
    assert.deepEqual(start(loader, file, cacheDir, true), { cache: 'none', answer: 48, stored: true });
    const names = readdirSync(cacheDir);
    assert.equal(names.length, 1);
    assert.notEqual(names[0], oldName);
    assert.deepEqual(start(loader, file, cacheDir), { cache: 'used', answer: 48, stored: null });
  });

  it('a damaged cache is rejected, the module still runs, and storing replaces it', () => {
    start(loader, file, cacheDir, true);
    const [name] = readdirSync(cacheDir);
    writeFileSync(path.join(cacheDir, name), Buffer.from('not a V8 code cache'));
    assert.deepEqual(start(loader, file, cacheDir, true), { cache: 'rejected', answer: 42, stored: true });
    assert.equal(start(loader, file, cacheDir).cache, 'used');
  });

  it('a cache directory that cannot be created makes store() resolve false, not throw', async () => {
    writeFileSync(cacheDir, 'a file where the directory should be');
    const loaded = loadWithCodeCache<Sample>(file, cacheDir);
    assert.equal(loaded.cache, 'none');
    assert.equal(await loaded.store(), false);
    assert.equal(loaded.exports.answer(), 42);
  });
});
