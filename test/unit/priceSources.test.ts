import * as assert from 'node:assert/strict';
import { PriceSourceError } from '../../src/core/remote/priceFetch';
import { loadQuoteSet } from '../../src/core/remote/priceSources';
import type { PriceQuote, QuoteSet } from '../../src/core/remote/priceQuotes';
import { SERVER_KEY, startPriceServer } from '../fixtures/prices/priceServer';
import type { PriceServer } from '../fixtures/prices/priceServer';
import { genaiPricesData, LITELLM, XAI_LANGUAGE_MODELS, XAI_MODELS } from '../fixtures/prices/sources';

const NOW = new Date('2026-12-05T12:00:00Z');
const quote = (set: QuoteSet, id: string): PriceQuote => {
  const q = set.quotes.find((x) => x.id === id);
  assert.ok(q, `${set.source} has no quote for ${id}: ${set.quotes.map((x) => x.id).join(', ')}`);
  return q;
};

describe('price sources over a loopback server (127.0.0.1)', () => {
  let server: PriceServer;
  before(async () => {
    server = await startPriceServer({
      '/litellm.json': LITELLM,
      '/genai.json': genaiPricesData(),
      '/xai/v1/models': XAI_MODELS,
      '/xai-lm/v1/models': { data: [{ id: 'grok-4.6', object: 'model' }] },
      '/xai-lm/v1/language-models': XAI_LANGUAGE_MODELS,
    });
  });
  after(() => server.close());

  const load = (path: string, timeoutMs?: number) =>
    loadQuoteSet({ kind: 'url', name: 'test', url: `${server.base}${path}` }, { now: NOW, ...(timeoutMs ? { timeoutMs } : {}) });

  it('reads LiteLLM: per-token USD to per million, the >200k tier, only our providers and chat models', async () => {
    const set = await load('/litellm.json');
    assert.equal(set.format, 'litellm');
    assert.deepEqual(quote(set, 'grok-4.3').prices, { input: '1.5', cacheHit: '0.2', output: '2.5' });
    assert.deepEqual(quote(set, 'grok-4.3').longContext, { thresholdTokens: 200000, prices: { input: '2.5', output: '5' } });
    assert.deepEqual(quote(set, 'deepseek-v4-flash').prices, { input: '0.3', cacheHit: '0.006', output: '1.2' });
    assert.ok(!set.quotes.some((q) => q.id === 'gpt-4o' || q.id === 'mistral-embed' || q.id === 'sample_spec'));
  });

  it('reads genai-prices v2: full prices in force (DeepSeek peak), tiers above 199,999 as "200k or more"', async () => {
    const set = await load('/genai.json');
    assert.equal(set.format, 'genai-prices');
    const flash = quote(set, 'deepseek-v4-flash');
    assert.deepEqual(flash.prices, { input: '0.44', cacheHit: '0.014', output: '1.32' });
    assert.ok(flash.matches?.('deepseek-v4-flash-vision-exp'));
    const grok = quote(set, 'grok-4.3');
    assert.deepEqual(grok.longContext, { thresholdTokens: 200000, prices: { input: '2.5', cacheHit: '0.4', output: '5' } });
  });

  it('reads xAI /v1/models with the key: cents per 100M tokens, long-context prices and threshold, unknown fields ignored', async () => {
    const set = await loadQuoteSet({ kind: 'xai', apiKey: SERVER_KEY, baseUrl: `${server.base}/xai` }, { now: NOW });
    assert.equal(set.source, 'xai');
    const q = quote(set, 'grok-4.3');
    assert.deepEqual(q.prices, { input: '1.25', cacheHit: '0.2', output: '3' });
    assert.deepEqual(q.longContext, { thresholdTokens: 200000, prices: { input: '2.5', cacheHit: '0.4', output: '6' } });
    assert.equal(q.contextWindow, 1000000);
    const nulls = quote(set, 'grok-4.7');
    assert.deepEqual(nulls.aliases, ['grok-4.7-latest']);
    assert.deepEqual(nulls.prices, { input: '2', output: '6' }, 'a null price reads as absent, never as free');
    assert.equal(nulls.longContext, undefined);
    assert.equal(nulls.contextWindow, undefined);
    assert.ok(!set.quotes.some((x) => x.id === 'grok-imagine-video'), 'a model with null text prices is no quote');
    assert.ok(server.seen.some((s) => s === `GET /xai/v1/models Bearer ${SERVER_KEY}`));
  });

  it('falls back to xAI /v1/language-models when /v1/models carries no prices', async () => {
    const set = await loadQuoteSet({ kind: 'xai', apiKey: SERVER_KEY, baseUrl: `${server.base}/xai-lm/v1` }, { now: NOW });
    assert.deepEqual(quote(set, 'grok-4.6').prices, { input: '2', cacheHit: '0.5', output: '6' });
  });

  const refusals: [string, () => Promise<unknown>, RegExp][] = [
    ['a timeout (injected 300 ms)', () => load('/hang', 300), /timed out after 300 ms; prices unchanged$/],
    ['HTTP 500', () => load('/500'), /the server answered 500; prices unchanged$/],
    ['garbage', () => load('/garbage'), /not valid JSON; prices unchanged$/],
    ['a body over 20 MB', () => load('/huge'), /larger than 20 MB; prices unchanged$/],
    ['a declared length over 20 MB', () => load('/huge-declared'), /larger than 20 MB; prices unchanged$/],
    [
      'a wrong xAI key',
      () => loadQuoteSet({ kind: 'xai', apiKey: 'wrong', baseUrl: `${server.base}/xai` }, { now: NOW }),
      /unauthorised \(401\)/,
    ],
    ['a 404', () => load('/nothing-here'), /answered 404/],
  ];
  for (const [what, run, message] of refusals) {
    it(`refuses ${what} with one line`, async () => {
      await assert.rejects(run(), (e: unknown) => {
        assert.ok(e instanceof PriceSourceError, String(e));
        assert.match(e.message, message);
        assert.ok(!e.message.includes('\n'));
        return true;
      });
    });
  }

  it('refuses a malformed price among our providers instead of skipping it', async () => {
    const bad = { 'xai/grok-4.3': { litellm_provider: 'xai', input_cost_per_token: 'cheap', output_cost_per_token: 1e-6 } };
    await assert.rejects(
      loadQuoteSet({ kind: 'text', name: 'bad.json', text: JSON.stringify(bad) }, { now: NOW }),
      /"cheap" is not a price/,
    );
  });

  it('refuses a source with none of our providers', async () => {
    const other = { 'openai/gpt-4o': LITELLM['openai/gpt-4o'] };
    await assert.rejects(
      loadQuoteSet({ kind: 'text', name: 'o.json', text: JSON.stringify(other) }, { now: NOW }),
      /no DeepSeek, Mistral or xAI prices/,
    );
  });
});
