import * as assert from 'node:assert/strict';
import type { FromWebviewMessage } from '../../src/shared/protocol';
import {
  footnoteMarker,
  isBillInputs,
  isBillTiming,
  isFromWebviewMessage,
  isIsoDate,
  isPersistedPanelState,
  isTimeOfDay,
} from '../../src/shared/protocol';

const bill = { cacheHit: 1000, cacheMiss: 250_000, output: 40_000, date: '2026-11-20', time: '09:30' };
const controls = { outputRatio: 0.5, cache: { kind: 'share', hitShare: 0.25 }, currency: 'USD', moment: 'now', showRetired: false };

/** One valid message of every type the webview may send. */
const VALID: readonly FromWebviewMessage[] = [
  { type: 'ready' },
  { type: 'setOutputRatio', ratio: 0 },
  { type: 'setOutputRatio', ratio: 2.75 },
  { type: 'setOutputRatio', ratio: 100 },
  { type: 'setCache', cache: { kind: 'share', hitShare: 0 } },
  { type: 'setCache', cache: { kind: 'share', hitShare: 1 } },
  { type: 'setCache', cache: { kind: 'prefix', cachedPrefixTokens: 4096 } },
  { type: 'setCurrency', currency: 'CNY' },
  { type: 'setMoment', moment: 'now' },
  { type: 'setMoment', moment: 'next-peak' },
  { type: 'setMoment', moment: 'next-off-peak' },
  { type: 'setShowRetired', showRetired: true },
  { type: 'setSort', sort: { column: 'total', direction: 'descending' } },
  { type: 'setSort', sort: { column: 'model', direction: 'ascending' } },
  { type: 'setBill', bill },
  { type: 'setBill', bill: { ...bill, timing: { kind: 'at-time' } } },
  { type: 'setBill', bill: { ...bill, timing: { kind: 'spread' } } },
  { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: 0 } } },
  { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: 0.7 } } },
  { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: 1 } } },
  { type: 'setBill', bill: { ...bill, longContext: true } },
  { type: 'setBill', bill: { ...bill, timing: { kind: 'spread' }, longContext: false } },
  { type: 'setBillModels', modelIds: ['deepseek-flash'] },
  { type: 'setBillModels', modelIds: ['deepseek-chat', 'mistral-large-2512', 'grok-4.7'] },
  { type: 'setBillModels', modelIds: [] },
  { type: 'setBillModels', modelIds: ['my fine-tune (EU)'] },
  { type: 'rendered', rows: 12 },
  { type: 'copyMarkdown' },
  { type: 'saveCsv' },
];

const MALFORMED: readonly [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'ready'],
  ['an array', [{ type: 'ready' }]],
  ['no type', { ratio: 1 }],
  ['a numeric type', { type: 3 }],
  ['an unknown type', { type: 'deleteEverything' }],
  ['a type from the other direction', { type: 'state', state: {} }],
  ['an extra field on ready', { type: 'ready', command: 'x' }],
  ['a ratio as a string', { type: 'setOutputRatio', ratio: '2' }],
  ['a negative ratio', { type: 'setOutputRatio', ratio: -0.1 }],
  ['a ratio above the maximum', { type: 'setOutputRatio', ratio: 100.5 }],
  ['a NaN ratio', { type: 'setOutputRatio', ratio: NaN }],
  ['an infinite ratio', { type: 'setOutputRatio', ratio: Infinity }],
  ['a missing ratio', { type: 'setOutputRatio' }],
  ['a hit share above 1', { type: 'setCache', cache: { kind: 'share', hitShare: 1.5 } }],
  ['a hit share given as a percentage string', { type: 'setCache', cache: { kind: 'share', hitShare: '50%' } }],
  ['a fractional prefix', { type: 'setCache', cache: { kind: 'prefix', cachedPrefixTokens: 10.5 } }],
  ['a negative prefix', { type: 'setCache', cache: { kind: 'prefix', cachedPrefixTokens: -1 } }],
  ['a prefix with a share field', { type: 'setCache', cache: { kind: 'prefix', cachedPrefixTokens: 5, hitShare: 0.2 } }],
  ['an unknown cache kind', { type: 'setCache', cache: { kind: 'all', hitShare: 1 } }],
  ['a lower-case currency', { type: 'setCurrency', currency: 'usd' }],
  ['a currency with markup', { type: 'setCurrency', currency: '<b>' }],
  ['a long currency', { type: 'setCurrency', currency: 'USDT' }],
  ['an unknown moment', { type: 'setMoment', moment: 'tomorrow' }],
  ['show retired as a string', { type: 'setShowRetired', showRetired: 'true' }],
  ['an unknown sort column', { type: 'setSort', sort: { column: 'price', direction: 'ascending' } }],
  ['an unknown sort direction', { type: 'setSort', sort: { column: 'total', direction: 'up' } }],
  ['a sort without direction', { type: 'setSort', sort: { column: 'total' } }],
  ['a bill with a negative count', { type: 'setBill', bill: { ...bill, output: -5 } }],
  ['a bill with a fractional count', { type: 'setBill', bill: { ...bill, cacheMiss: 1.5 } }],
  ['a bill with an impossible date', { type: 'setBill', bill: { ...bill, date: '2026-02-30' } }],
  ['a bill with a datetime as date', { type: 'setBill', bill: { ...bill, date: '2026-11-20T00:00:00Z' } }],
  ['a bill with a bad time', { type: 'setBill', bill: { ...bill, time: '24:00' } }],
  ['a bill without a time', { type: 'setBill', bill: { cacheHit: 1, cacheMiss: 1, output: 1, date: '2026-11-20' } }],
  ['a bill with a huge count', { type: 'setBill', bill: { ...bill, cacheHit: 1e13 } }],
  ['a bill timing of an unknown kind', { type: 'setBill', bill: { ...bill, timing: { kind: 'night' } } }],
  ['a bill timing given as a string', { type: 'setBill', bill: { ...bill, timing: 'spread' } }],
  ['a bill timing of null', { type: 'setBill', bill: { ...bill, timing: null } }],
  ['a share timing without its share', { type: 'setBill', bill: { ...bill, timing: { kind: 'share' } } }],
  ['a share timing above 1', { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: 1.01 } } }],
  ['a share timing as a percentage', { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: 70 } } }],
  ['a negative share timing', { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: -0.1 } } }],
  ['a share timing as a string', { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: '0.5' } } }],
  ['a NaN share timing', { type: 'setBill', bill: { ...bill, timing: { kind: 'share', discountedShare: NaN } } }],
  ['a spread timing with a share', { type: 'setBill', bill: { ...bill, timing: { kind: 'spread', discountedShare: 0.5 } } }],
  ['an at-time timing with a foreign key', { type: 'setBill', bill: { ...bill, timing: { kind: 'at-time', time: '09:00' } } }],
  ['a bill with long context as a string', { type: 'setBill', bill: { ...bill, longContext: 'yes' } }],
  ['a bill with long context as a number', { type: 'setBill', bill: { ...bill, longContext: 1 } }],
  ['bill models as one string', { type: 'setBillModels', modelIds: 'deepseek-flash' }],
  ['bill models missing', { type: 'setBillModels' }],
  ['bill models with a number', { type: 'setBillModels', modelIds: ['deepseek-flash', 7] }],
  ['bill models with an empty id', { type: 'setBillModels', modelIds: [''] }],
  ['bill models with a padded id', { type: 'setBillModels', modelIds: [' deepseek-flash'] }],
  ['bill models with a control character', { type: 'setBillModels', modelIds: ['deepseek\nflash'] }],
  ['bill models listed twice', { type: 'setBillModels', modelIds: ['grok-4.7', 'grok-4.7'] }],
  ['bill models beyond the maximum', { type: 'setBillModels', modelIds: Array.from({ length: 501 }, (_, i) => `m${i}`) }],
  ['bill models with a foreign key', { type: 'setBillModels', modelIds: ['grok-4.7'], all: true }],
  ['rendered with a negative row count', { type: 'rendered', rows: -1 }],
  ['saveCsv naming a file (the host asks the user where)', { type: 'saveCsv', path: '/etc/passwd' }],
  ['copyMarkdown with text to copy', { type: 'copyMarkdown', text: 'x' }],
  ['a prototype-polluting payload', JSON.parse('{"type":"setShowRetired","showRetired":true,"__proto__":{"x":1}}')],
];

describe('webview protocol validator', () => {
  for (const message of VALID) {
    it(`accepts ${JSON.stringify(message)}`, () => {
      assert.equal(isFromWebviewMessage(message), true);
      // What survives a postMessage round trip (structured clone ≈ JSON here) is still valid.
      assert.equal(isFromWebviewMessage(JSON.parse(JSON.stringify(message))), true);
    });
  }

  it('covers every message type of the union', () => {
    const types = new Set(VALID.map((m) => m.type));
    const all: Record<FromWebviewMessage['type'], true> = {
      ready: true,
      setOutputRatio: true,
      setCache: true,
      setCurrency: true,
      setMoment: true,
      setShowRetired: true,
      setSort: true,
      setBill: true,
      setBillModels: true,
      rendered: true,
      copyMarkdown: true,
      saveCsv: true,
    };
    assert.deepEqual([...types].sort(), Object.keys(all).sort());
  });

  for (const [name, value] of MALFORMED) {
    it(`rejects ${name}`, () => {
      assert.equal(isFromWebviewMessage(value), false);
    });
  }
});

describe('persisted panel state validator', () => {
  it('accepts an empty state and a full one', () => {
    assert.equal(isPersistedPanelState({}), true);
    assert.equal(isPersistedPanelState({ controls, sort: { column: 'tokens', direction: 'ascending' }, bill }), true);
    assert.equal(isPersistedPanelState({ bill, billModels: ['deepseek-chat', 'grok-4.7'] }), true);
  });
  it('rejects a state with a corrupt part or foreign keys', () => {
    assert.equal(isPersistedPanelState({ controls: { ...controls, currency: 'dollars' } }), false);
    assert.equal(isPersistedPanelState({ controls: { ...controls, moment: undefined } }), false);
    assert.equal(isPersistedPanelState({ bill: { ...bill, date: 'yesterday' } }), false);
    assert.equal(isPersistedPanelState({ sort: { column: 'total', direction: 'ascending' }, html: '<script>' }), false);
    assert.equal(isPersistedPanelState({ billModels: 'deepseek-chat' }), false);
    assert.equal(isPersistedPanelState({ billModels: [42] }), false);
    assert.equal(isPersistedPanelState('{}'), false);
    assert.equal(isPersistedPanelState(null), false);
  });
});

describe('protocol field checks', () => {
  it('knows calendar dates, leap years included', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-13-01'), false);
    assert.equal(isIsoDate('26-11-20'), false);
  });
  it('knows 24-hour times', () => {
    assert.equal(isTimeOfDay('00:00'), true);
    assert.equal(isTimeOfDay('23:59'), true);
    assert.equal(isTimeOfDay('7:30'), false);
    assert.equal(isTimeOfDay('12:60'), false);
  });
  it('knows bill timings, and a bill saved before timings existed', () => {
    assert.equal(isBillTiming({ kind: 'spread' }), true);
    assert.equal(isBillTiming({ kind: 'share', discountedShare: 0.25 }), true);
    assert.equal(isBillTiming({ kind: 'share', discountedShare: 2 }), false);
    assert.equal(isBillTiming([]), false);
    assert.equal(isPersistedPanelState({ bill }), true);
    assert.equal(isPersistedPanelState({ bill: { ...bill, timing: { kind: 'spread' } } }), true);
    assert.equal(isPersistedPanelState({ bill: { ...bill, timing: { kind: 'share', discountedShare: 5 } } }), false);
  });
  it('writes footnote markers as superscript digits', () => {
    assert.equal(footnoteMarker(1), '¹');
    assert.equal(footnoteMarker(10), '¹⁰');
    assert.equal(footnoteMarker(23), '²³');
  });
  it('accepts a bill of zero tokens', () => {
    assert.equal(isBillInputs({ ...bill, cacheHit: 0, cacheMiss: 0, output: 0 }), true);
  });
});
