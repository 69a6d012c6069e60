import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../fixtures/cli/fakeIo';
import { SERVER_KEY, startPriceServer } from '../fixtures/prices/priceServer';
import type { PriceServer } from '../fixtures/prices/priceServer';
import { genaiPricesData, LITELLM, withGenaiPrice, XAI_MODELS } from '../fixtures/prices/sources';

const NOW = new Date('2026-12-05T12:00:00Z');

describe('llm-cost prices check | update | revert', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: PriceServer;
  let changedFile: string;

  before(async () => {
    server = await startPriceServer({ '/litellm.json': LITELLM, '/xai/v1/models': XAI_MODELS });
  });
  after(() => server.close());
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'llm-cost-prices-'));
    env = { LLM_COST_HOME: path.join(dir, 'home'), LLM_COST_LITELLM_URL: `${server.base}/litellm.json` };
    const changed = withGenaiPrice(genaiPricesData(), 'grok-build-0.1', (p) => {
      (p.output_mtok as { base: number }).base = 2.4;
    });
    changedFile = path.join(dir, 'data.json');
    writeFileSync(changedFile, JSON.stringify(changed));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('check --source <genai-prices data.json with one price changed> names that model, field and both prices', async () => {
    const r = await runCli(['prices', 'check', '--source', changedFile], { env, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    const line = r.stdout.split('\n').find((l) => l.startsWith('grok-build-0.1 '));
    assert.ok(line, r.stdout);
    assert.match(line, /^grok-build-0\.1\s+output\s+\$2\s+\$2\.4\s+\+20%/);
    const json = JSON.parse((await runCli(['prices', 'check', '--source', changedFile, '--json'], { env, now: NOW })).stdout) as {
      sources: { changes: { model: string; field: string; old: string; new: string }[] }[];
    };
    assert.ok(
      json.sources[0].changes.some((c) => c.model === 'grok-build-0.1' && c.field === 'output' && c.old === '2.00' && c.new === '2.4'),
    );
    assert.ok(!existsSync(env.LLM_COST_HOME), 'check writes nothing');
  });

  it('update without --yes shows the diff and writes nothing; with --yes every command uses the new prices', async () => {
    const dry = await runCli(['prices', 'update', '--source', 'litellm'], { env, now: NOW });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /grok-4\.3\s+input\s+\$1\.25\s+\$1\.5/);
    assert.match(dry.stdout, /Nothing written: run again with --yes/);
    assert.match(dry.stdout, /Ids we do not list \(reported, not added\): deepseek\/deepseek-v9-preview/);
    assert.ok(!existsSync(env.LLM_COST_HOME));

    const wet = await runCli(['prices', 'update', '--source', 'litellm', '--yes'], { env, now: NOW });
    assert.equal(wet.code, 0, wet.stderr);
    assert.match(wet.stdout, /Applied 1 change from 2026-12-05 12:00 UTC on/);
    const stored = JSON.parse(readFileSync(path.join(env.LLM_COST_HOME, 'prices.json'), 'utf8')) as { updates: { source: string }[] };
    assert.equal(stored.updates[0].source, 'litellm');

    const later = new Date('2026-12-06T12:00:00Z');
    const usage = await runCli(['usage', '--model', 'grok-4.3', '--input-tokens', '1000000', '--output-tokens', '0', '--json'], {
      env,
      now: later,
    });
    assert.equal(usage.code, 0, usage.stderr);
    assert.match(usage.stdout, /"1\.5"/);
    const before = await runCli(
      ['usage', '--model', 'grok-4.3', '--at', '2026-12-01', '--input-tokens', '1000000', '--output-tokens', '0', '--json'],
      {
        env,
        now: later,
      },
    );
    assert.match(before.stdout, /"1\.25"/, 'history before the fetch keeps the bundled price');
    const models = await runCli(['models', '--provider', 'xai'], { env, now: later });
    assert.match(models.stdout, /litellm: prices you accepted with 'llm-cost prices update', fetched 2026-12-05 12:00 UTC/);

    const again = await runCli(['prices', 'check', '--source', 'litellm'], { env, now: later });
    assert.doesNotMatch(again.stdout, /grok-4\.3\s+input/, 'accepted prices are the prices in force');

    const revert = await runCli(['prices', 'revert'], { env, now: later });
    assert.match(revert.stdout, /the bundled prices apply again/);
    const reverted = await runCli(['usage', '--model', 'grok-4.3', '--input-tokens', '1000000', '--output-tokens', '0', '--json'], {
      env,
      now: later,
    });
    assert.match(reverted.stdout, /"1\.25"/);
  });

  it('changes nothing when the source fails (HTTP 500): one line, exit 2', async () => {
    const r = await runCli(['prices', 'update', '--yes', '--source', `${server.base}/500`], { env, now: NOW });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^llm-cost: 127\.0\.0\.1:\d+: the server answered 500; prices unchanged\n$/);
    assert.ok(!existsSync(env.LLM_COST_HOME));
  });

  it('says which sources disagree when several are checked', async () => {
    const other = path.join(dir, 'other.json');
    const changed = withGenaiPrice(genaiPricesData(), 'grok-build-0.1', (p) => {
      (p.output_mtok as { base: number }).base = 2.2;
    });
    writeFileSync(other, JSON.stringify(changed));
    const r = await runCli(['prices', 'check', '--source', changedFile, '--source', other], { env, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Prices from .*data\.json/);
    assert.match(r.stdout, /Prices from .*other\.json/);
    assert.match(r.stdout, /Note: sources disagree on grok-build-0\.1 output: \S*data\.json \$2\.4, \S*other\.json \$2\.2/);
  });

  it('ignores a damaged store with a warning and prices with the bundled catalog', async () => {
    const home = env.LLM_COST_HOME;
    const r0 = await runCli(['prices', 'revert'], { env, now: NOW });
    assert.match(r0.stdout, /No refreshed prices stored/);
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, 'prices.json'), '{"version": 1, "updates": [{"oops": true}]}');
    const r = await runCli(['usage', '--model', 'grok-4.3', '--input-tokens', '1000000', '--output-tokens', '0', '--json'], {
      env,
      now: NOW,
    });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: .*prices\.json: the refreshed-prices file is malformed/);
    assert.match(r.stdout, /"1\.25"/);
  });

  it('--source xai reads /v1/models with XAI_API_KEY and LLM_COST_XAI_BASE_URL; without a key it says so', async () => {
    const xai = { ...env, XAI_API_KEY: SERVER_KEY, LLM_COST_XAI_BASE_URL: `${server.base}/xai` };
    const r = await runCli(['prices', 'check', '--source', 'xai'], { env: xai, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /grok-4\.3\s+output\s+\$2\.5\s+\$3\s+\+20%\s+xai/);
    assert.match(r.stdout, /grok-4\.3\s+long-context output\s+\$5\s+\$6\s+\+20%\s+xai/);
    const none = await runCli(['prices', 'check', '--source', 'xai'], { env, now: NOW });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--source xai needs XAI_API_KEY/);
  });

  it('says when kept prices no longer apply because the bundled catalog is newer', async () => {
    mkdirSync(env.LLM_COST_HOME, { recursive: true });
    const old = {
      version: 1,
      updates: [
        { source: 'litellm', fetchedAt: '2026-01-01T00:00:00Z', changes: [{ model: 'deepseek-flash', field: 'input', price: '0.2' }] },
      ],
    };
    writeFileSync(path.join(env.LLM_COST_HOME, 'prices.json'), JSON.stringify(old));
    const r = await runCli(['prices', 'check', '--source', changedFile], { env, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /kept prices no longer applied, the bundled catalog is newer: deepseek-flash \(litellm, fetched 2026-01-01\)/);
  });

  it('rejects an unknown --source with the accepted forms', async () => {
    const r = await runCli(['prices', 'check', '--source', path.join(dir, 'missing.json')], { env, now: NOW });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not xai, litellm, genai-prices, an http\(s\) URL or a readable file/);
  });
});
