import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { validateCatalog } from '../../src/core/catalog/validate';
import { estimate } from '../../src/core/cost/estimate';

const catalog = defaultCatalog();
const s = (r: { toDecimalString(): string }) => r.toDecimalString();
type Loose = { models: any[]; fx: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- mutating a copy to break it on purpose
const copy = (): Loose => structuredClone(catalog) as unknown as Loose;
const model = (c: Loose, id: string): any => c.models.find((m) => m.id === id); // eslint-disable-line @typescript-eslint/no-explicit-any -- see Loose
const expectProblem = (c: Loose, pattern: RegExp) => {
  const problems = validateCatalog(c);
  assert.ok(
    problems.some((p) => pattern.test(p)),
    `expected ${pattern} in:\n${problems.join('\n')}`,
  );
};

describe('catalog gaps filled (issue 10: Mistral and the validator rules they need)', () => {
  it('has the cached prices others publish for devstral-2512, mistral-medium-2508 and Magistral', () => {
    const cached = (id: string) => findModel(catalog, id)!.periods.at(-1)!.prices.USD!.cacheHit;
    assert.deepEqual(['devstral-2512', 'mistral-medium-2508', 'magistral-medium-2509', 'magistral-small-2509'].map(cached), [
      '0.04',
      '0.04',
      '0.20',
      '0.05',
    ]);
  });
  it('prices mistral-medium-latest as Medium 3.1 until 2026-06-16 and says so', () => {
    const run = (at: string) =>
      estimate(catalog, {
        modelId: 'mistral-medium-latest',
        at: new Date(at),
        inputTokens: 1_000_000,
        cache: { hitRatio: 0.5 },
        output: { tokens: 1_000_000 },
      });
    // 0.5 × 0.04 + 0.5 × 0.40 + 2.00 = 2.22; then Medium 3.5: 0.5 × 0.15 + 0.5 × 1.50 + 7.50 = 8.325.
    assert.equal(s(run('2026-06-01').total), '2.22');
    assert.ok(
      run('2026-06-01').notes.some((n) => n.text === 'mistral-medium-latest meant mistral-medium-2508 at 2026-06-01 (until 2026-06-16)'),
    );
    assert.equal(s(run('2026-06-16').total), '8.325');
  });
  it('adds the missing current text models with tokenizer and context window', () => {
    const row = (id: string) => {
      const m = findModel(catalog, id)!;
      return [m.id, m.tokenizer, m.contextWindow, m.status.kind];
    };
    assert.deepEqual(row('devstral-small-latest'), ['labs-devstral-small-2512', 'mistral-tekken', 262144, 'current']);
    assert.deepEqual(row('voxtral-small-latest'), ['voxtral-small-2507', 'mistral-tekken', 32768, 'current']);
    assert.deepEqual(row('mistral-saba-latest'), ['mistral-saba-2502', 'mistral-tekken', 32768, 'legacy']);
    assert.deepEqual(row('pixtral-12b'), ['pixtral-12b-2409', 'mistral-tekken', 131072, 'legacy']);
    // Voxtral Small text output rose from 0.30 to 0.40 on 2026-08-11.
    const voxtral = (at: string) =>
      findModel(catalog, 'voxtral-small-2507')!.periods.find((p) => p.from <= at && (!p.until || at < p.until))!;
    assert.equal(voxtral('2026-08-10').prices.USD!.output, '0.30');
    assert.deepEqual(voxtral('2026-08-11').prices.USD, { input: '0.10', cacheHit: '0.01', output: '0.40' });
  });
  it('prices Mistral Large 4 (and its alias mistral-large-4-0) at the preview price from its API launch, 2026-10-06', () => {
    const large4 = findModel(catalog, 'mistral-large-4-0')!;
    assert.deepEqual(
      [large4.id, large4.tokenizer, large4.contextWindow, large4.status.kind],
      ['mistral-large-4', 'mistral-tekken', 1048576, 'current'],
    );
    const bill = (at: string) =>
      estimate(catalog, {
        modelId: 'mistral-large-4',
        at: new Date(at),
        inputTokens: 1_000_000,
        cache: { hitRatio: 0.5 },
        output: { tokens: 1_000_000 },
      });
    // 0.5M × 0.68 + 0.5M × 0.07 + 1M × 2.09 per million
    assert.equal(s(bill('2026-10-06T00:00:00Z').total), '2.465');
    assert.equal(s(bill('2026-12-05T12:00:00Z').total), '2.465');
    assert.throws(() => bill('2026-10-05T23:59:59Z'), /mistral-large-4 has prices from 2026-10-06/);
    assert.equal(findModel(catalog, 'mistral-large-latest')!.id, 'mistral-large-2512', 'the -latest alias still means Large 3');
  });
  it('applies a long-context tier at the threshold itself (≥, as xAI says "at or above")', () => {
    const at = (inputTokens: number) =>
      estimate(catalog, { modelId: 'grok-4-0709', at: new Date('2026-01-10'), inputTokens, cache: { hitRatio: 0 }, output: { tokens: 0 } });
    assert.equal(at(127_999).context.tier, 'standard');
    assert.equal(at(128_000).context.tier, 'long-context');
    assert.equal(s(at(128_000).total), '0.768'); // 128,000 × 6.00
  });
  it('pins the price of each period added or moved, at a moment inside it (cache hit / miss / output per million)', () => {
    const table: [string, string, [string, string, string]][] = [
      ['mistral-small-latest', '2025-02-01', ['0.1', '0.1', '0.3']], // Small 3 (2501), no cached price: hits billed as input
      ['mistral-small-latest', '2025-04-01', ['0.1', '0.1', '0.3']], // Small 3.1 (2503)
      ['mistral-small-latest', '2025-09-01', ['0.1', '0.1', '0.3']], // Small 3.2 (2506)
      ['ministral-8b-latest', '2025-06-01', ['0.1', '0.1', '0.1']], // ministral-8b-2410
      ['ministral-8b-latest', '2025-12-02', ['0.015', '0.15', '0.15']], // Ministral 3 8B
      ['devstral-2512', '2026-03-01', ['0.04', '0.4', '2']],
      ['magistral-medium-2509', '2026-03-01', ['0.2', '2', '5']],
      ['magistral-small-2509', '2026-03-01', ['0.05', '0.5', '1.5']],
      ['labs-devstral-small-2512', '2026-07-01', ['0.01', '0.1', '0.3']],
      ['voxtral-small-2507', '2026-01-01', ['0.01', '0.1', '0.3']],
      ['voxtral-small-2507', '2026-09-01', ['0.01', '0.1', '0.4']],
      ['mistral-saba-2502', '2025-06-01', ['0.2', '0.2', '0.6']],
      ['pixtral-12b-2409', '2025-06-01', ['0.15', '0.15', '0.15']],
      ['mistral-embed', '2026-01-01', ['0.1', '0.1', '0']],
      ['codestral-embed', '2026-01-01', ['0.15', '0.15', '0']],
    ];
    for (const [id, at, expected] of table) {
      const e = estimate(catalog, {
        modelId: id,
        at: new Date(at),
        inputTokens: 2,
        cache: { cachedPrefixTokens: 1 },
        output: { tokens: 1 },
      });
      assert.deepEqual(
        [e.cacheHit, e.cacheMiss, e.output].map((l) => s(l.pricePerMillion)),
        expected,
        `${id} at ${at}`,
      );
    }
  });
  it('bills embedding models for input only, and says so', () => {
    const e = estimate(catalog, {
      modelId: 'codestral-embed',
      at: new Date('2026-11-01'),
      inputTokens: 1_000_000,
      cache: { hitRatio: 0 },
      output: { tokens: 500 },
    });
    assert.equal(s(e.total), '0.15');
    assert.ok(
      e.notes.some((n) => n.text === 'codestral-embed is an embedding model: it produces no output tokens, so only input is billed'),
    );
    assert.equal(findModel(catalog, 'mistral-embed')!.inputOnly, true);
  });
  it('refuses an output price of 0 on a chat model, and a priced output on an embedding model', () => {
    const c = copy();
    model(c, 'codestral-2508').periods[0].prices.USD.output = '0.0';
    expectProblem(c, /codestral-2508: an output price of 0 is only for input-only \(embedding\) models/);
    const d = copy();
    model(d, 'mistral-embed').periods[0].prices.USD.output = '0.10';
    expectProblem(d, /mistral-embed: an input-only model's output price must be 0/);
  });
  it('checks published discounted prices: every currency, never above the list, not beside a long-context tier', () => {
    const a = copy();
    delete model(a, 'deepseek-reasoner').periods[1].schedule.discountedPrices.CNY;
    expectProblem(a, /schedule discounted prices lack CNY/);
    const b = copy();
    model(b, 'deepseek-reasoner').periods[1].schedule.discountedPrices.USD.output = '2.20';
    expectProblem(b, /discounted USD\.output 2\.20 is above the list price 2\.19/);
    const c = copy();
    model(c, 'deepseek-reasoner').periods[1].longContext = {
      thresholdTokens: 128000,
      prices: { USD: { input: '1', cacheHit: null, output: '2' } },
    };
    expectProblem(c, /discounted prices cannot be combined with a long-context tier/);
    assert.deepEqual(validateCatalog(catalog), []);
  });
});
