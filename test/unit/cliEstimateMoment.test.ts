import * as assert from 'node:assert/strict';
import { runCli } from '../fixtures/cli/fakeIo';

interface RowJson {
  model: string;
  outputExact: string;
  totalExact: string;
  notes: string[];
  pricing: { converted: { rate: string } | null };
}
interface EstimateJson {
  models: RowJson[];
  skipped: string[];
  unpriced: { model: string; reason: string }[];
}

const OUT = ['--output-tokens', '2000000'];
const estimate = async (args: string[], env: Record<string, string> = {}): Promise<EstimateJson> => {
  const r = await runCli(['estimate', '--json', ...args], { stdin: 'hi', env });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as EstimateJson;
};

describe('llm-cost estimate and usage at a moment', () => {
  it("resolves an alias as it was meant at --at, with the engine's alias note", async () => {
    const then = await estimate(['--model', 'mistral-large-latest', '--at', '2025-06-01', ...OUT]);
    assert.equal(then.models[0].model, 'mistral-large-2411');
    assert.equal(then.models[0].outputExact, '12'); // 2M × $6/M
    assert.ok(then.models[0].notes.some((n) => n.startsWith('mistral-large-latest meant mistral-large-2411')));
    const now = await estimate(['--model', 'mistral-large-latest', ...OUT]);
    assert.equal(now.models[0].model, 'mistral-large-2512');
    assert.equal(now.models[0].outputExact, '3'); // 2M × $1.50/M
  });

  it('usage resolves the alias at --at too', async () => {
    const r = await runCli([
      'usage',
      '--json',
      '--model',
      'mistral-large-latest',
      '--at',
      '2025-06-01',
      '--input-tokens',
      '0',
      '--output-tokens',
      '1000000',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const b = JSON.parse(r.stdout) as { model: string; totalExact: string; notes: string[] };
    assert.equal(b.model, 'mistral-large-2411');
    assert.equal(b.totalExact, '6');
    assert.ok(b.notes.some((n) => n.startsWith('mistral-large-latest meant mistral-large-2411')));
  });

  it('--at in the past without --model lists the models of that moment', async () => {
    const e = await estimate(['--at', '2025-06-01T12:00Z']);
    const ids = e.models.map((m) => m.model);
    assert.ok(ids.includes('mistral-large-2411'));
    assert.ok(ids.includes('deepseek-chat'));
    assert.ok(!ids.includes('deepseek-flash'));
    assert.ok(!ids.includes('mistral-large-2512'));
    assert.deepEqual(e.skipped, []);
  });

  it('a retired model named at the default moment gets a row, the others are priced', async () => {
    const r = await runCli(['estimate', '--model', 'grok-4-0709', '--model', 'mistral-large-2512'], { stdin: 'hi' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^grok-4-0709 +retired 2026-05-15: no current price \(use --at\)$/m);
    assert.match(r.stdout, /^mistral-large-2512 +1 /m);
    const e = await estimate(['--model', 'grok-4-0709', '--model', 'mistral-large-2512']);
    assert.deepEqual(e.unpriced, [{ model: 'grok-4-0709', reason: 'retired 2026-05-15: no current price (use --at)' }]);
    assert.deepEqual(
      e.models.map((m) => m.model),
      ['mistral-large-2512'],
    );
  });

  it('exit 2 with one line when no named model could be priced', async () => {
    const r = await runCli(['estimate', '--model', 'grok-4-0709'], { stdin: 'hi' });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'llm-cost: grok-4-0709 retired 2026-05-15: no current price (use --at)\n');
    const priced = await estimate(['--model', 'grok-4-0709', '--at', '2026-01-10T12:00Z', ...OUT]);
    assert.equal(priced.models[0].outputExact, '30'); // 2M × $15/M
  });

  it('warns on stderr that a date alone prices a time-of-day model at 00:00 UTC', async () => {
    const r = await runCli(['estimate', '--model', 'deepseek-flash', '--model', 'mistral-large-2512', '--at', '2026-11-27'], {
      stdin: 'hi',
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stderr,
      'llm-cost: warning: --at 2026-11-27 has no time: deepseek-flash priced at 00:00 UTC, but its price depends on the time of day (give a time, e.g. --at 2026-11-27T02:00Z)\n',
    );
    const timed = await runCli(['estimate', '--model', 'deepseek-flash', '--at', '2026-11-27T02:00Z'], { stdin: 'hi' });
    assert.equal(timed.stderr, '');
    const flat = await runCli(['estimate', '--model', 'mistral-large-2512', '--at', '2026-11-27'], { stdin: 'hi' });
    assert.equal(flat.stderr, '');
  });

  it('prints the DeepSeek holiday caveat once for several DeepSeek rows', async () => {
    const r = await runCli(['estimate', '--model', 'deepseek-flash', '--model', 'deepseek-v4-pro'], { stdin: 'hi' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split('Chinese public holidays are off-peak all day').length - 1, 1);
  });
});

describe('llm-cost exchange rates: --fx and LLM_COST_FX', () => {
  it('--fx sets a rate (units per USD), over LLM_COST_FX', async () => {
    const fx = await estimate(['--model', 'mistral-large-2512', '--currency', 'JPY', '--fx', 'JPY=150', ...OUT]);
    assert.equal(fx.models[0].outputExact, '450'); // $3 × 150
    const env = await estimate(['--model', 'mistral-large-2512', '--currency', 'JPY', ...OUT], { LLM_COST_FX: 'JPY=100,EUR=0.9' });
    assert.equal(env.models[0].outputExact, '300');
    const both = await estimate(['--model', 'mistral-large-2512', '--currency', 'JPY', '--fx', 'jpy=150.5', ...OUT], {
      LLM_COST_FX: 'JPY=100',
    });
    assert.equal(both.models[0].outputExact, '451.5');
    assert.equal(both.models[0].pricing.converted?.rate, '150.5');
  });

  it('usage takes --fx as well', async () => {
    const r = await runCli([
      'usage',
      '--json',
      '--model',
      'mistral-large-2512',
      '--currency',
      'EUR',
      '--fx',
      'EUR=0.9',
      '--input-tokens',
      '0',
      '--output-tokens',
      '1000000',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { totalExact: string }).totalExact, '1.35'); // $1.50 × 0.9
  });

  it('tells CLI users about --fx, never about a VS Code setting', async () => {
    const table = await runCli(['estimate', '--model', 'mistral-large-2512', '--currency', 'JPY'], { stdin: 'hi' });
    assert.match(table.stdout, /override with --fx or LLM_COST_FX/);
    assert.doesNotMatch(table.stdout, /llmCost\.exchangeRates|setting/);
    const unknown = await runCli(['estimate', '--model', 'mistral-large-2512', '--currency', 'CHF'], { stdin: 'hi' });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /add it with --fx or LLM_COST_FX/);
    assert.doesNotMatch(unknown.stderr, /setting/);
  });

  it('rejects malformed rates with one line and exit 2', async () => {
    for (const bad of ['JPY', 'JPY=', 'JPY=abc', 'JPY=0', 'USD=2', ',']) {
      const r = await runCli(['estimate', '--model', 'mistral-large-2512', '--fx', bad], { stdin: 'hi' });
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /^llm-cost: [^\n]+\n$/, bad);
    }
    const env = await runCli(['usage', '--model', 'mistral-large-2512', '--input-tokens', '1', '--output-tokens', '1'], {
      env: { LLM_COST_FX: 'JPY:150' },
    });
    assert.equal(env.code, 2);
    assert.match(env.stderr, /^llm-cost: LLM_COST_FX: 'JPY:150' is not CODE=RATE/);
  });

  it('JPY amounts show no decimals and the JP¥ label', async () => {
    const r = await runCli(['estimate', '--model', 'mistral-large-2512', '--currency', 'JPY', '--fx', 'JPY=150', ...OUT], { stdin: 'hi' });
    assert.match(r.stdout, /^mistral-large-2512 +1 +<JP¥1 +— +JP¥450 +JP¥450$/m);
  });
});
