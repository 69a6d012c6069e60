import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel, listModels, retirementMoment } from '../../src/core/catalog/catalog';
import { validateCatalog } from '../../src/core/catalog/validate';
import { estimate } from '../../src/core/cost/estimate';
import { CostError } from '../../src/core/cost/errors';

const catalog = defaultCatalog();
const s = (r: { toDecimalString(): string }) => r.toDecimalString();
type Loose = { models: any[]; fx: any; holidays: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
const copy = (): Loose => structuredClone(catalog) as unknown as Loose;
const check = (c: Loose) => validateCatalog(c);
const index = (c: Loose, id: string) => c.models.findIndex((m) => m.id === id);
/** 50,000 tokens of each kind (cache hit, cache miss, output), below every long-context threshold: total = 0.05 × the sum of the three prices. */
const perKind = (modelId: string, at: string) =>
  estimate(catalog, { modelId, at: new Date(at), inputTokens: 100_000, cache: { cachedPrefixTokens: 50_000 }, output: { tokens: 50_000 } });
const noPrice = (pattern: RegExp) => (e: unknown) => e instanceof CostError && e.code === 'no-price-period' && pattern.test(e.message);

describe('catalog history (QA fixes)', () => {
  it('has the retired Grok fast models from pricing.md, with unique aliases', () => {
    assert.deepEqual(validateCatalog(catalog), []);
    for (const id of ['grok-4-fast-reasoning', 'grok-4-fast-non-reasoning', 'grok-4-1-fast-non-reasoning']) {
      const m = findModel(catalog, id)!;
      assert.equal(m.status.kind, 'retired', id);
      assert.equal(retirementMoment(m)?.toISOString(), '2026-05-15T19:00:00.000Z', id);
      // Same as grok-4-1-fast-reasoning: 0.05 × (0.05 + 0.20 + 0.50) = 0.0375.
      assert.equal(s(perKind(id, '2026-01-01').total), '0.0375', id);
    }
    // grok-3-fast: 0.05 × (1.25 + 5.00 + 25.00) = 1.5625; grok-3-mini-fast: 0.05 × (0.15 + 0.60 + 4.00) = 0.2375.
    assert.equal(s(perKind('grok-3-fast', '2025-06-01').total), '1.5625');
    assert.equal(s(perKind('grok-3-mini-fast', '2025-06-01').total), '0.2375');
    // grok-2-vision-1212 has no cached price: 100,000 input × 2.00 + 50,000 output × 10.00 = 0.2 + 0.5 = 0.7.
    const vision = findModel(catalog, 'grok-2-vision-1212')!;
    assert.equal(vision.contextWindow, 32_768);
    assert.equal(s(perKind('grok-2-vision-1212', '2025-01-01').total), '0.7');
  });

  it("ends every retired model's last period at its retirement (19:00 UTC for the xAI notice of 2026-05-15)", () => {
    for (const m of catalog.models.filter((x) => x.status.kind === 'retired')) {
      const last = m.periods[m.periods.length - 1];
      assert.equal(new Date(last.until!).getTime(), retirementMoment(m)!.getTime(), m.id);
    }
    for (const id of ['grok-3', 'grok-4-1-fast-reasoning', 'grok-4-0709']) {
      assert.equal(retirementMoment(findModel(catalog, id)!)!.toISOString(), '2026-05-15T19:00:00.000Z', id);
    }
    // A Mistral retirement given as a day prices that whole day.
    assert.equal(retirementMoment(findModel(catalog, 'devstral-2512')!)!.toISOString(), '2026-08-01T00:00:00.000Z');
    const c = copy();
    c.models[index(c, 'grok-3')].status.date = '2026-05-15';
    assert.ok(
      check(c).some((p) => /grok-3: retired 2026-05-15 but the last period ends 2026-05-15T19:00:00Z/.test(p)),
      check(c).join('\n'),
    );
  });

  it('opens Grok 4 variants no earlier than Grok 4 itself (2025-07-09) and keeps grok-2-1212 unretired for want of a date', () => {
    assert.equal(findModel(catalog, 'grok-4-1-fast-reasoning')!.periods[0].from, '2025-07-09');
    assert.throws(() => perKind('grok-4-1-fast', '2025-07-08T23:59:59Z'), noPrice(/has prices from 2025-07-09/));
    assert.match(findModel(catalog, 'grok-3')!.periods[0].note!, /lower bound/);
    const grok2 = findModel(catalog, 'grok-2')!;
    assert.equal(grok2.status.kind, 'legacy');
    assert.match(grok2.status.kind === 'legacy' ? grok2.status.note! : '', /Retired according to the reference, which gives no date/);
  });

  it('prices grok-4.5 at its launch prices without a long-context tier until 0.30 cached and the tier were first documented (2026-07-30)', () => {
    // Before 2026-12 the catalog kept 0.50 until 2026-10-01 and applied the tier from launch; models.dev PR 3865 quotes both by 2026-07-30.
    // 2026-07-20: 0.05 × (0.50 cached + 2.00 miss + 6.00 output) = 0.425.
    const launch = perKind('grok-4.5', '2026-07-20');
    assert.equal(s(launch.cacheHit.pricePerMillion), '0.5');
    assert.equal(s(launch.total), '0.425');
    assert.match(launch.context.period.note!, /launch documents give no long-context tier/);
    // From 2026-07-30: 0.05 × (0.30 + 2.00 + 6.00) = 0.415, the same as on the Oct 2026 page.
    assert.equal(s(perKind('grok-4.5', '2026-07-30').total), '0.415');
    assert.equal(s(perKind('grok-4.5', '2026-10-01').total), '0.415');
    const long = (at: string) =>
      estimate(catalog, {
        modelId: 'grok-4.5',
        at: new Date(at),
        inputTokens: 400_000,
        cache: { cachedPrefixTokens: 200_000 },
        output: { tokens: 100_000 },
      });
    // At launch a 400,000-token prompt is billed at the standard tier: 200,000 × 0.50 + 200,000 × 2.00 + 100,000 × 6.00 = 0.1 + 0.4 + 0.6 = 1.1.
    assert.equal(long('2026-07-20').context.tier, 'standard');
    assert.equal(s(long('2026-07-20').total), '1.1');
    // From 2026-07-30 (prompt ≥ 200k): 200,000 × 0.60 + 200,000 × 4.00 + 100,000 × 12.00 = 0.12 + 0.8 + 1.2 = 2.12.
    assert.equal(long('2026-08-05').context.tier, 'long-context');
    assert.equal(s(long('2026-08-05').total), '2.12');
    assert.throws(() => perKind('grok-4.5', '2026-07-07T23:59:59Z'), noPrice(/has prices from 2026-07-08;/));
  });

  it('prices deepseek-v4-flash from 2026-04-24 at the list its deepseek-chat alias was billed at', () => {
    // 2026-04-25: 0.05 × (0.028 hit + 0.14 miss + 0.28 output) = 0.0224.
    const early = perKind('deepseek-v4-flash', '2026-04-25T00:00:00Z');
    assert.equal(early.modelId, 'deepseek-flash');
    assert.equal(s(early.total), '0.0224');
    assert.equal(early.context.window, null);
    // From 2026-04-26 12:15 UTC: 0.05 × (0.0028 + 0.14 + 0.28) = 0.02114.
    assert.equal(s(perKind('deepseek-flash', '2026-04-26T12:15:00Z').total), '0.02114');
    // The retirement of deepseek-chat (2026-07-24) ended the aliases, not the model: the flat list runs to 2026-08-16 16:00 UTC
    // (before 2026-12 the catalog had no price from 2026-07-24 to 2026-10-01). 2026-08-01: 0.02114 again.
    assert.equal(s(perKind('deepseek-flash', '2026-08-01').total), '0.02114');
    assert.equal(perKind('deepseek-flash', '2026-08-16T15:59:59Z').context.window, null);
    assert.throws(() => perKind('deepseek-flash', '2026-04-23T23:59:59Z'), noPrice(/has prices from 2026-04-24;/));
    assert.match(findModel(catalog, 'deepseek-flash')!.periods[0].note!, /an alias is the same model under another name/);
  });

  describe('aliases that moved', () => {
    it('resolves an alias at a moment, and as today without one', () => {
      assert.equal(findModel(catalog, 'mistral-large-latest')?.id, 'mistral-large-2512');
      assert.equal(findModel(catalog, 'mistral-large-latest', new Date('2025-06-01T00:00:00Z'))?.id, 'mistral-large-2411');
      assert.equal(findModel(catalog, 'Mistral-Large-Latest', new Date('2025-11-30T23:59:59Z'))?.id, 'mistral-large-2411');
      assert.equal(findModel(catalog, 'mistral-large-latest', new Date('2025-12-01T00:00:00Z'))?.id, 'mistral-large-2512');
      assert.equal(findModel(catalog, 'mistral-small-latest', new Date('2024-10-01T00:00:00Z'))?.id, 'mistral-small-2409');
      // "Until early 2025": no moment after 2025-01-01 is given to mistral-small-2409; then Small 3.x (0.10 / 0.30) through 2025.
      assert.equal(findModel(catalog, 'mistral-small-latest', new Date('2025-02-01T00:00:00Z'))?.id, 'mistral-small-2501');
      assert.equal(findModel(catalog, 'mistral-small-latest', new Date('2025-04-01T00:00:00Z'))?.id, 'mistral-small-2503');
      assert.equal(findModel(catalog, 'mistral-small-latest', new Date('2025-12-31T23:59:59Z'))?.id, 'mistral-small-2506');
      assert.equal(findModel(catalog, 'mistral-small-latest', new Date('2026-03-01T00:00:00Z'))?.id, 'mistral-small-2603');
      assert.equal(findModel(catalog, 'mistral-medium-latest', new Date('2026-06-15T23:59:59Z'))?.id, 'mistral-medium-2508');
      assert.equal(findModel(catalog, 'mistral-medium-latest', new Date('2026-06-16T00:00:00Z'))?.id, 'mistral-medium-2604');
      assert.equal(findModel(catalog, 'ministral-8b-latest', new Date('2025-12-01T23:59:59Z'))?.id, 'ministral-8b-2410');
      assert.equal(findModel(catalog, 'ministral-8b-latest', new Date('2025-12-02T00:00:00Z'))?.id, 'ministral-8b-2512');
      // Ids never move.
      assert.equal(findModel(catalog, 'mistral-large-2512', new Date('2025-06-01T00:00:00Z'))?.id, 'mistral-large-2512');
    });
    it('prices an old bill under a moved alias at the model it meant, and says so', () => {
      // 2025-06-01, mistral-large-2411 (no cached price): 100,000 input × 2 + 50,000 output × 6 = 0.2 + 0.3 = 0.5.
      const e = perKind('mistral-large-latest', '2025-06-01');
      assert.equal(e.modelId, 'mistral-large-2411');
      assert.equal(s(e.total), '0.5');
      assert.ok(
        e.notes.some((n) => n.text === 'mistral-large-latest meant mistral-large-2411 at 2025-06-01 (until 2025-12-01)'),
        e.notes.map((n) => n.text).join('\n'),
      );
      // Today's meaning carries no such note: 0.05 × (0.05 + 0.50 + 1.50) = 0.1025.
      const now = perKind('mistral-large-latest', '2026-11-01');
      assert.equal(s(now.total), '0.1025');
      assert.ok(!now.notes.some((n) => n.text.includes('meant')));
    });
    const defects: [string, (c: Loose) => void, RegExp][] = [
      [
        'a former alias meaning two models at once',
        (c) => {
          c.models[index(c, 'pixtral-large-2411')].formerAliases = [
            { alias: 'mistral-large-latest', from: '2025-11-01', until: '2026-01-01' },
          ];
        },
        /model mistral-large-2411, former alias 1: "mistral-large-latest" also meant model pixtral-large-2411 during part of this span/,
      ],
      [
        'a former alias that is an id',
        (c) => {
          c.models[index(c, 'pixtral-large-2411')].formerAliases = [{ alias: 'mistral-large-2512', until: '2025-01-01' }];
        },
        /"mistral-large-2512" is the id of model mistral-large-2512; ids never move/,
      ],
      [
        'a former alias that is also a current alias of the same model',
        (c) => {
          c.models[index(c, 'pixtral-large-2411')].formerAliases = [{ alias: 'pixtral-large-latest', until: '2025-01-01' }];
        },
        /"pixtral-large-latest" is also a current alias of this model/,
      ],
      [
        'a former alias ending before it starts',
        (c) => {
          c.models[index(c, 'mistral-small-2409')].formerAliases[0].until = '2024-01-01';
        },
        /mistral-small-2409, former alias 1: ends \(2024-01-01\) before it starts/,
      ],
      [
        'a former alias with a bad date',
        (c) => {
          c.models[index(c, 'mistral-small-2409')].formerAliases[0].until = 'early 2025';
        },
        /bad end date "early 2025"/,
      ],
    ];
    for (const [name, mutate, expected] of defects) {
      it(`catches ${name}`, () => {
        const c = copy();
        mutate(c);
        const problems = check(c);
        assert.ok(
          problems.some((p) => expected.test(p)),
          `expected ${expected} in:\n${problems.join('\n')}`,
        );
      });
    }
  });

  describe('listModels at a moment', () => {
    const ids = (at: string, provider?: 'deepseek' | 'mistral' | 'xai') =>
      listModels(catalog, { at: new Date(at), ...(provider ? { provider } : {}) }).map((m) => m.id);
    it('lists the models offered then: priced at that moment and not yet retired', () => {
      const march = ids('2026-03-01');
      for (const id of [
        'deepseek-chat',
        'deepseek-reasoner',
        'mistral-large-2512',
        'devstral-2512',
        'grok-4-0709',
        'grok-3',
        'grok-4-1-fast-reasoning',
      ])
        assert.ok(march.includes(id), id);
      for (const id of ['grok-4.7', 'deepseek-flash', 'mistral-medium-2604']) assert.ok(!march.includes(id), id);
      assert.deepEqual(ids('2026-03-01', 'deepseek'), ['deepseek-chat', 'deepseek-reasoner']);
    });
    it('drops a model at its retirement instant', () => {
      assert.ok(ids('2026-05-15T18:59:59Z', 'xai').includes('grok-3'));
      assert.ok(!ids('2026-05-15T19:00:00Z', 'xai').includes('grok-3'));
      assert.ok(ids('2026-07-31T23:59:59Z', 'mistral').includes('devstral-2512'));
      assert.ok(!ids('2026-08-01T00:00:00Z', 'mistral').includes('devstral-2512'));
    });
    it('keeps the default (current models) and includeRetired (everything) unchanged', () => {
      assert.ok(listModels(catalog).every((m) => m.status.kind === 'current'));
      assert.equal(listModels(catalog, { includeRetired: true, at: new Date('2020-01-01T00:00:00Z') }).length, catalog.models.length);
      assert.deepEqual(ids('2020-01-01'), []);
    });
  });
});
