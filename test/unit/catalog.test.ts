import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ModelEntry } from '../../src/core/catalog/types';
import { currentPeriod, defaultCatalog, findModel, listModels, suggestModels } from '../../src/core/catalog/catalog';
import { Rational } from '../../src/core/cost/rational';
import { displayMoment } from '../../src/core/catalog/moments';
import { skipMissingReference } from '../fixtures/references';

const catalog = defaultCatalog();
// The team's reference material lives beside the clone (../shared), not in the repository.
const REFERENCE = path.resolve(process.cwd(), '..', 'shared', 'reference', 'prices-2026-10.json');

describe('catalog', () => {
  it('holds every current model of the pricing reference', () => {
    const ids = listModels(catalog).map((m) => m.id);
    assert.deepEqual(ids, [
      'deepseek-flash',
      'deepseek-v4-pro',
      'mistral-medium-2604',
      'mistral-large-2512',
      'mistral-large-4',
      'mistral-small-2603',
      'ministral-14b-2512',
      'ministral-8b-2512',
      'ministral-3b-2512',
      'codestral-2508',
      'labs-devstral-small-2512',
      'voxtral-small-2507',
      'mistral-embed',
      'codestral-embed',
      'grok-4.7',
      'grok-4.6',
      'grok-4.5',
      'grok-4.3',
      'grok-4.20-0309-reasoning',
      'grok-4.20-0309-non-reasoning',
      'grok-4.20-multi-agent-0309',
      'grok-build-0.1',
    ]);
  });
  it('keeps legacy and retired models, with status and date, behind includeRetired', () => {
    const all = listModels(catalog, { includeRetired: true });
    for (const id of [
      'deepseek-chat',
      'deepseek-reasoner',
      'mistral-large-2411',
      'mistral-small-2409',
      'pixtral-large-2411',
      'mistral-medium-2508',
      'mistral-small-2506',
      'magistral-medium-2509',
      'magistral-small-2509',
      'devstral-2512',
      'open-mistral-nemo-2407',
      'grok-2-1212',
      'grok-3',
      'grok-3-mini',
      'grok-4-0709',
      'grok-4-1-fast-reasoning',
    ]) {
      const m = all.find((x) => x.id === id);
      assert.ok(m, id);
      assert.notEqual(m.status.kind, 'current', id);
    }
    assert.deepEqual(findModel(catalog, 'deepseek-chat')!.status, {
      kind: 'retired',
      date: '2026-07-24T15:59:00Z',
      replacement: 'deepseek-flash',
    });
    assert.equal(findModel(catalog, 'devstral-2512')!.status.kind, 'retired');
    // Stable provider order with legacy models in catalog order.
    const providers = all.map((m) => m.provider);
    assert.deepEqual(
      providers,
      [...providers].sort((a, b) => ['deepseek', 'mistral', 'xai'].indexOf(a) - ['deepseek', 'mistral', 'xai'].indexOf(b)),
    );
    assert.deepEqual(
      listModels(catalog, { provider: 'deepseek' }).map((m) => m.id),
      ['deepseek-flash', 'deepseek-v4-pro'],
    );
    assert.equal(
      listModels(catalog, { provider: 'xai', includeRetired: true }).every((m) => m.provider === 'xai'),
      true,
    );
  });
  it('finds models by id or alias, ignoring case', () => {
    assert.equal(findModel(catalog, 'DeepSeek-V4-Flash')?.id, 'deepseek-flash');
    assert.equal(findModel(catalog, 'grok-2')?.id, 'grok-2-1212');
    assert.equal(findModel(catalog, 'grok-2-latest')?.id, 'grok-2-1212');
    assert.equal(findModel(catalog, 'grok-code-fast-1')?.id, 'grok-build-0.1');
    assert.equal(findModel(catalog, 'mistral-large-latest')?.id, 'mistral-large-2512');
    assert.equal(findModel(catalog, 'no-such-model'), undefined);
  });
  it('suggests the nearest ids for a typo', () => {
    assert.equal(suggestModels(catalog, 'deepseek-flsh')[0], 'deepseek-flash');
    assert.equal(suggestModels(catalog, 'mistral-larg-2512')[0], 'mistral-large-2512');
    assert.equal(suggestModels(catalog, 'grok-4.8').length, 3);
    assert.ok(suggestModels(catalog, 'grok-4.8').every((s) => /^grok-4\.\d$/.test(s)));
    assert.deepEqual(suggestModels(catalog, 'zzzzzzzzzzzzzzzzzzzzzzzzzzz'), []);
    assert.equal(suggestModels(catalog, 'deepseek', 1).length, 1);
  });
  it('assigns each model family its tokenizer', () => {
    const all = listModels(catalog, { includeRetired: true });
    for (const m of all.filter((x) => x.provider === 'deepseek')) assert.equal(m.tokenizer, 'deepseek-v3', m.id);
    for (const m of all.filter((x) => x.provider === 'xai')) assert.equal(m.tokenizer, 'grok-estimate', m.id);
    const sp: Record<string, string> = {
      'mistral-large-2411': 'mistral-sp-v7',
      'pixtral-large-2411': 'mistral-sp-v7',
      'mistral-small-2409': 'mistral-sp-v3',
      'mistral-embed': 'mistral-sp-v1',
    };
    for (const m of all.filter((x) => x.provider === 'mistral')) assert.equal(m.tokenizer, sp[m.id] ?? 'mistral-tekken', m.id);
    assert.match(findModel(catalog, 'mistral-small-2409')!.notes!, /CONFLICT/);
  });
  it("gives every period a source URL and a verified day, and carries the reference's caveats", () => {
    for (const m of catalog.models)
      for (const p of m.periods) {
        assert.ok(p.source.url.length > 0, m.id);
        assert.match(p.source.verified, /^\d{4}-\d{2}-\d{2}$/, m.id);
      }
    assert.match(findModel(catalog, 'ministral-14b-2512')!.notes!, /UNVERIFIED/);
    assert.match(findModel(catalog, 'open-mistral-nemo')!.notes!, /CONFLICT/);
    const schedule = findModel(catalog, 'deepseek-flash')!.periods.at(-1)!.schedule!;
    assert.match(schedule.note!, /^Chinese public holidays are off-peak all day/);
    assert.equal(schedule.holidays, 'CN');
  });
  it('has the complete DeepSeek history, oldest first', () => {
    const chat = findModel(catalog, 'deepseek-chat')!;
    assert.deepEqual(
      chat.periods.map((p) => [p.from, p.until, p.prices.USD?.input, p.prices.USD?.cacheHit, p.prices.USD?.output]),
      [
        ['2024-08-02', '2025-02-08T16:00:00Z', '0.14', '0.014', '0.28'],
        // The night discount starts at 00:30 Beijing on 2025-02-27 (before 2026-12 the catalog said 2025-02-26 00:00 UTC).
        ['2025-02-08T16:00:00Z', '2025-02-26T16:30:00Z', '0.27', '0.07', '1.10'],
        ['2025-02-26T16:30:00Z', '2025-09-05T16:00:00Z', '0.27', '0.07', '1.10'],
        ['2025-09-05T16:00:00Z', '2025-09-29', '0.56', '0.07', '1.68'],
        ['2025-09-29', '2026-04-24', '0.28', '0.028', '0.42'],
        ['2026-04-24', '2026-04-26T12:15:00Z', '0.14', '0.028', '0.28'],
        ['2026-04-26T12:15:00Z', '2026-07-24T15:59:00Z', '0.14', '0.0028', '0.28'],
      ],
    );
    assert.deepEqual(chat.periods[0].prices.CNY, { input: '1', cacheHit: '0.1', output: '2' });
    assert.equal(chat.periods[2].schedule?.discountedWhen, 'inside');
    const reasoner = findModel(catalog, 'deepseek-reasoner')!;
    assert.equal(reasoner.periods[0].from, '2025-01-20');
    assert.equal(reasoner.periods[1].schedule?.multiplier, '0.25');
    assert.deepEqual(reasoner.periods[1].schedule?.discountedPrices?.USD, { input: '0.135', cacheHit: '0.035', output: '0.55' });
  });
  it('returns the period in force at a moment', () => {
    const chat = findModel(catalog, 'deepseek-chat')!;
    assert.equal(currentPeriod(chat, new Date('2025-02-08T15:59:59.999Z'))?.from, '2024-08-02');
    assert.equal(currentPeriod(chat, new Date('2025-02-08T16:00:00Z'))?.from, '2025-02-08T16:00:00Z');
    assert.equal(currentPeriod(chat, new Date('2024-01-01T00:00:00Z')), undefined);
  });
  it('displays moments for people', () => {
    assert.equal(displayMoment('2026-07-24T15:59:00Z'), '2026-07-24 15:59 UTC');
    assert.equal(displayMoment('2025-09-29'), '2025-09-29');
    assert.equal(displayMoment(new Date('2025-02-08T15:59:59Z')), '2025-02-08 15:59:59 UTC');
    assert.equal(displayMoment('not a date'), 'not a date');
  });
  it('is frozen so no caller can change the bundled prices', () => {
    assert.equal(Object.isFrozen(catalog.models[0].periods[0].prices), true);
    assert.equal(defaultCatalog(), catalog);
  });
  it("matches prices-2026-10.json, the team's pricing reference (latest period of each model)", function () {
    if (!existsSync(REFERENCE))
      skipMissingReference(this, `${REFERENCE} is not on this machine (reference material outside the repository)`);
    const rows = JSON.parse(readFileSync(REFERENCE, 'utf8')) as {
      id: string;
      aliases: string[];
      currency: string;
      inputPerM: number;
      cacheHitPerM: number | null;
      outputPerM: number;
      contextWindow: number;
      longContext: null | { threshold: number; inputPerM: number; cacheHitPerM: number | null; outputPerM: number };
    }[];
    // Cached prices the reference lacks but @pydantic/genai-prices or ai-sdk-cost-calculator publish (issue 10).
    const cachedSinceReference: Record<string, string> = {
      'devstral-2512': '0.04',
      'mistral-medium-2508': '0.04',
      'magistral-medium-2509': '0.20',
      'magistral-small-2509': '0.05',
    };
    const same = (text: string | null | undefined, value: number | null) =>
      value === null ? text === null : text !== null && text !== undefined && Rational.parse(text).eq(Rational.fromNumber(value));
    for (const row of rows) {
      const m = findModel(catalog, row.id) as ModelEntry;
      assert.ok(m, row.id);
      assert.equal(m.contextWindow, row.contextWindow, row.id);
      for (const alias of row.aliases) assert.equal(findModel(catalog, alias)?.id, row.id, alias);
      const last = m.periods[m.periods.length - 1];
      const list = last.prices[row.currency]!;
      const added = cachedSinceReference[row.id];
      if (added !== undefined) {
        assert.equal(row.cacheHitPerM, null, `${row.id}: the reference now has a cached price; drop it from cachedSinceReference`);
        assert.equal(list.cacheHit, added, row.id);
        assert.ok(same(list.input, row.inputPerM) && same(list.output, row.outputPerM), `${row.id} ${row.currency}`);
        continue;
      }
      assert.ok(
        same(list.input, row.inputPerM) && same(list.cacheHit, row.cacheHitPerM) && same(list.output, row.outputPerM),
        `${row.id} ${row.currency}`,
      );
      if (row.longContext) {
        const tier = last.longContext!;
        const t = tier.prices[row.currency]!;
        assert.equal(tier.thresholdTokens, row.longContext.threshold, row.id);
        assert.ok(
          same(t.input, row.longContext.inputPerM) &&
            same(t.cacheHit, row.longContext.cacheHitPerM) &&
            same(t.output, row.longContext.outputPerM),
          `${row.id} tier`,
        );
      } else {
        assert.equal(last.longContext, undefined, row.id);
      }
    }
  });
});
