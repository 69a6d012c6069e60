import * as assert from 'node:assert/strict';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import path from 'node:path';
import { Rational } from '../../src/core/cost/rational';
import { runCli } from '../fixtures/cli/fakeIo';
import type { RunResult } from '../fixtures/cli/fakeIo';

const hello = path.resolve(__dirname, '../../test/fixtures/cli/hello.txt');
const OFF_PEAK = new Date('2026-11-25T12:00:00Z'); // Wednesday 12:00 UTC
const PEAK = new Date('2026-11-25T02:00:00Z'); // Wednesday 02:00 UTC

interface ModelJson {
  model: string;
  tokens: number;
  exact: boolean;
  lines: { kind: string; tokens: number; pricePerMillionExact: string; costExact: string }[];
  inputExact: string;
  cacheSavingExact: string;
  outputExact: string;
  total: number;
  totalExact: string;
  pricing: { tier: string; window: { label: string; nextChange: string | null } | null; converted: { rate: string } | null };
}
interface EstimateJson {
  at: string;
  currency: string;
  models: ModelJson[];
  maxCost: { amountExact: string; exceededBy: string[] } | null;
}

const r = (s: string) => Rational.parse(s);
/** tokens × price per million, exactly. */
const cost = (tokens: number, price: string) => r(price).mul(Rational.fromInt(tokens)).div(Rational.fromInt(1_000_000));

async function estimateJson(args: string[], opts: { now?: Date; stdin?: string } = {}): Promise<EstimateJson> {
  const res = await runCli(['estimate', '--json', ...args], opts);
  assert.equal(res.code, 0, res.stderr);
  return JSON.parse(res.stdout) as EstimateJson;
}

function assertUsageError(res: RunResult, pattern: RegExp): void {
  assert.equal(res.code, 2, res.stderr);
  assert.match(res.stderr, /^llm-cost: [^\n]+\n$/);
  assert.match(res.stderr, pattern);
}

describe('llm-cost estimate', () => {
  it('prices a prompt at DeepSeek off-peak rates with a cached prefix and fixed output', async () => {
    const doc = await estimateJson(['--model', 'deepseek-flash', '--cached-prefix-tokens', '4', '--output-tokens', '1000', hello], {
      now: OFF_PEAK,
    });
    const m = doc.models[0];
    const t = m.tokens;
    assert.ok(t > 4, `needs more than 4 tokens, got ${t}`);
    // off-peak = 50% of $0.006 / $0.30 / $1.20 → $0.003 hit, $0.15 miss, $0.60 output
    assert.deepEqual(
      m.lines.map((l) => [l.kind, l.tokens, l.pricePerMillionExact]),
      [
        ['cache-hit', 4, '0.003'],
        ['cache-miss', t - 4, '0.15'],
        ['output', 1000, '0.6'],
      ],
    );
    const input = cost(4, '0.003').add(cost(t - 4, '0.15'));
    assert.equal(m.inputExact, input.toDecimalString());
    assert.equal(m.outputExact, '0.0006'); // 1000 × 0.60 / 1M
    assert.equal(m.totalExact, input.add(r('0.0006')).toDecimalString());
    // saving: 4 tokens at 0.15 − 0.003 = 0.147 per million
    assert.equal(m.cacheSavingExact, cost(4, '0.147').toDecimalString());
    assert.equal(m.pricing.window?.label, 'off-peak');
    // off-peak until Thursday's first peak hour, 2026-11-26 01:00 UTC
    assert.equal(m.pricing.window?.nextChange, '2026-11-26T01:00:00.000Z');
  });
  it('uses the default ratio of 1 and no cache hits', async () => {
    const doc = await estimateJson(['--model', 'mistral-large-2512', hello], { now: OFF_PEAK });
    const m = doc.models[0];
    // $0.50 input, $1.50 output; output tokens = input tokens
    assert.deepEqual(
      m.lines.map((l) => l.tokens),
      [0, m.tokens, m.tokens],
    );
    assert.equal(m.totalExact, cost(m.tokens, '0.5').add(cost(m.tokens, '1.5')).toDecimalString());
    assert.equal(m.cacheSavingExact, '0');
  });
  it('prices peak hours at the full rate', async () => {
    const doc = await estimateJson(['--model', 'deepseek-v4-pro', '--ratio', '0.5', '--cache-hit', '0.5', hello], { now: PEAK });
    const m = doc.models[0];
    const t = m.tokens;
    const hit = Math.floor(t * 0.5);
    const out = Math.round(t * 0.5);
    // peak: $0.044 hit, $1.32 miss, $3.96 output
    const total = cost(hit, '0.044')
      .add(cost(t - hit, '1.32'))
      .add(cost(out, '3.96'));
    assert.equal(m.totalExact, total.toDecimalString());
    assert.equal(m.pricing.window?.label, 'peak');
  });
  it('applies the 200k long-context tier to every token of a long Grok prompt', async () => {
    const long = 'lorem ipsum dolor sit amet '.repeat(50_000);
    const doc = await estimateJson(['--model', 'grok-4.7', '--output-tokens', '1000', '-'], { now: OFF_PEAK, stdin: long });
    const m = doc.models[0];
    assert.ok(m.tokens >= 200_000, `prompt of ${m.tokens} tokens`);
    assert.equal(m.pricing.tier, 'long-context');
    // every token at $4 input / $12 output
    assert.equal(m.totalExact, cost(m.tokens, '4').add(cost(1000, '12')).toDecimalString());
  });
  it('uses the native CNY list for DeepSeek and converts for others', async () => {
    const doc = await estimateJson(
      ['--model', 'deepseek-flash', '--model', 'codestral-2508', '--currency', 'cny', '--output-tokens', '0', hello],
      { now: PEAK },
    );
    assert.equal(doc.currency, 'CNY');
    const [ds, cs] = doc.models;
    assert.equal(ds.pricing.converted, null);
    assert.equal(ds.totalExact, cost(ds.tokens, '2').toDecimalString()); // ¥2 peak miss
    assert.ok(cs.pricing.converted);
    // $0.30 × rate
    assert.equal(cs.totalExact, cost(cs.tokens, '0.3').mul(r(cs.pricing.converted.rate)).toDecimalString());
  });
  it('lists every current model when none is named, and only those (embedding models only with --model)', async () => {
    const doc = await estimateJson([hello], { now: OFF_PEAK });
    const listed = (await runCli(['models', '--json'], { now: OFF_PEAK })).stdout;
    const inputOnly = new Set(
      defaultCatalog()
        .models.filter((m) => m.inputOnly)
        .map((m) => m.id),
    );
    assert.ok(inputOnly.size > 0);
    const current = (JSON.parse(listed) as { models: { id: string }[] }).models.map((m) => m.id).filter((id) => !inputOnly.has(id));
    assert.deepEqual(
      doc.models.map((m) => m.model),
      current,
    );
    assert.ok(current.includes('deepseek-flash') && current.includes('grok-4.7') && !current.includes('deepseek-chat'));
  });
  it('prints a table with ≈ on estimates and footer lines saying which prices applied', async () => {
    const res = await runCli(
      ['estimate', '--model', 'deepseek-flash', '--model', 'grok-4.7', '--cache-hit', '0.5', '--currency', 'EUR', hello],
      { now: OFF_PEAK },
    );
    assert.equal(res.code, 0, res.stderr);
    const lines = res.stdout.split('\n');
    assert.match(lines[0], /^model\s+tokens\s+input\s+cache saving\s+output\s+total\s+window$/);
    assert.match(lines[3], /^grok-4\.7\s+≈\d+\s+€/);
    assert.match(
      res.stdout,
      /Prices in EUR at 2026-11-25 12:00 UTC; output projected at 1 × the input tokens; 50% of the input a cache hit\./,
    );
    assert.match(
      res.stdout,
      /deepseek-flash: off-peak prices \(50% of the full price\) at 2026-11-25 12:00 UTC, until 2026-11-26 01:00 UTC/,
    );
    assert.match(res.stdout, /all: converted from USD at [\d.]+ EUR\/USD \(rates of \d{4}-\d\d-\d\d/);
    assert.match(res.stdout, /grok-4\.7: ≈ counts are estimates .*error band [−+]?\d+% … [−+]?\d+%/);
  });
  it('shows — for the cache saving when no cache is assumed', async () => {
    const res = await runCli(['estimate', '--model', 'grok-4.7', hello], { now: OFF_PEAK });
    assert.match(res.stdout.split('\n')[2], /^grok-4\.7\s+≈\d+\s+\S+\s+—\s+/);
  });
  describe('--max-cost', () => {
    it('exits 3 and names the models over budget', async () => {
      const res = await runCli(['estimate', '--model', 'deepseek-flash', '--model', 'grok-4.7', '--max-cost', '0.00001', hello], {
        now: OFF_PEAK,
      });
      assert.equal(res.code, 3);
      assert.match(res.stdout, /^grok-4\.7/m, 'the table is still printed');
      // grok-4.7 at $2 + $6 per million for ≥ 2 tokens exceeds $0.00001; deepseek-flash off-peak at $0.15 + $0.60 does not until 14 tokens
      assert.match(res.stderr, /^llm-cost: over budget: .*grok-4\.7 \$0\.0000\d+.* > --max-cost \$0\.0000100\n$/); // three significant figures
    });
    it('exits 0 within budget and reports the budget in JSON', async () => {
      const res = await runCli(['estimate', '--json', '--model', 'grok-4.7', '--max-cost', '5', hello], { now: OFF_PEAK });
      assert.equal(res.code, 0);
      const doc = JSON.parse(res.stdout) as EstimateJson;
      assert.deepEqual(doc.maxCost, { amount: 5, amountExact: '5', exceededBy: [] });
    });
    it('shows exact figures when the rounded total looks equal to the budget', async () => {
      const doc = await estimateJson(['--model', 'grok-4.7', '--output-tokens', '0', hello], { now: OFF_PEAK });
      const t = doc.models[0].tokens;
      // t tokens × $2 per million; a budget one micro-micro-dollar below rounds to the same figure
      const total = cost(t, '2');
      const max = total.sub(r('0.000000000001'));
      const res = await runCli(['estimate', '--model', 'grok-4.7', '--output-tokens', '0', '--max-cost', max.toDecimalString(), hello], {
        now: OFF_PEAK,
      });
      assert.equal(res.code, 3);
      assert.ok(res.stderr.includes(`(${total.toDecimalString()}) > --max-cost `), res.stderr);
      assert.ok(res.stderr.endsWith(`(${max.toDecimalString()})\n`), res.stderr);
    });
    it('reports the exceeding models in JSON too', async () => {
      const res = await runCli(['estimate', '--json', '--model', 'grok-4.7', '--max-cost', '0', hello], { now: OFF_PEAK });
      assert.equal(res.code, 3);
      assert.deepEqual((JSON.parse(res.stdout) as EstimateJson).maxCost?.exceededBy, ['grok-4.7']);
    });
  });
  describe('errors', () => {
    it('rejects bad numbers, conflicting options and unknown options', async () => {
      assertUsageError(await runCli(['estimate', '--ratio', 'abc', hello]), /--ratio: 'abc' is not a number/);
      assertUsageError(await runCli(['estimate', '--ratio', '-1', hello]), /--ratio: '-1' is not a number/);
      assertUsageError(await runCli(['estimate', '--output-tokens', '-3', hello]), /--output-tokens: '-3' is not a whole number/);
      assertUsageError(await runCli(['estimate', '--cache-hit', '1.2', hello]), /--cache-hit: '1\.2' is more than 1/);
      assertUsageError(await runCli(['estimate', '--max-cost', 'cheap', hello]), /--max-cost: 'cheap' is not an amount/);
      assertUsageError(await runCli(['estimate', '--ratio', '1', '--output-tokens', '5', hello]), /either --ratio or --output-tokens/);
      assertUsageError(
        await runCli(['estimate', '--cache-hit', '0.1', '--cached-prefix-tokens', '5', hello]),
        /either --cache-hit or --cached-prefix-tokens/,
      );
      assertUsageError(await runCli(['estimate', '--budget', '1', hello]), /unknown option --budget for 'estimate'/);
      assertUsageError(await runCli(['estimate', '--currency', 'XYZ', '--model', 'grok-4.7', hello]), /no exchange rate for "XYZ"/);
    });
    it('rejects an unknown model before reading input', async () => {
      assertUsageError(await runCli(['estimate', '--model', 'mistral-larg', hello]), /unknown model 'mistral-larg' \(did you mean /);
    });
    it('fails with exit 2 for a named model without a price at --at', async () => {
      assertUsageError(
        await runCli(['estimate', '--model', 'deepseek-flash', '--at', '2025-01-01', hello]),
        /deepseek-flash has no known price at 2025-01-01/,
      );
    });
    it('skips unnamed models without a price at --at, and fails when none has one', async () => {
      // No current model is priced in 2023-06 (mistral-embed, the oldest, from 2023-12-01).
      assertUsageError(await runCli(['estimate', '--at', '2023-06-01', hello]), /no listed model has a price at 2023-06-01 00:00 UTC/);
    });
    it('rejects a binary file', async () => {
      const bin = path.resolve(__dirname, '../../test/fixtures/cli/binary.bin');
      assertUsageError(await runCli(['estimate', '--model', 'grok-4.7', bin]), /looks like a binary file/);
    });
  });
});
