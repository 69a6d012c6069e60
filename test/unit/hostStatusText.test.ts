import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import type { ModelEntry } from '../../src/core/catalog/types';
import { estimate } from '../../src/core/cost/estimate';
import { formatMoney } from '../../src/core/format/money';
import { countDocument } from '../../src/core/prompt/document';
import type { DocumentCount } from '../../src/core/prompt/documentCount';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import type { Settings } from '../../src/core/config/settings';
import { escapeMarkdown, estimateSummary, priceCount, statusText, tooltipMarkdown } from '../../src/core/view/statusText';

const catalog = defaultCatalog();
const AT = new Date('2026-11-20T12:00:00Z');
const TEXT = 'Summarize the following changes for a changelog, in three bullet points.';

function model(id: string): ModelEntry {
  const m = findModel(catalog, id);
  assert.ok(m, id);
  return m;
}

function priced(modelId: string, count?: Partial<DocumentCount>, settings: Partial<Settings> = {}, label = 'selection in prompt.md') {
  const m = model(modelId);
  const counted = { ...countDocument(TEXT, undefined, m), ...count };
  return priceCount({ settings: { ...DEFAULT_SETTINGS, ...settings }, catalog }, { label }, m, counted, AT);
}

describe('status text (host status bar and estimate command, pure part)', () => {
  it('priceCount prices the count with the output ratio, cache share and currency of the settings', () => {
    const p = priced('deepseek-flash', undefined, { outputRatio: 2, cacheHitShare: 0.5, currency: 'EUR' });
    const direct = estimate(catalog, {
      modelId: 'deepseek-flash',
      inputTokens: p.count.tokens,
      at: AT,
      output: { ratio: 2 },
      cache: { hitRatio: 0.5 },
      currency: 'EUR',
    });
    assert.equal(p.estimate.total.toDecimalString(), direct.total.toDecimalString());
    assert.ok(!p.estimate.total.isZero(), 'a priced prompt costs something');
    assert.equal(p.estimate.output.tokens, p.count.tokens * 2);
    assert.equal(p.estimate.context.currency, 'EUR');
  });

  it('statusText: tokens with a thousands separator and the total; ≈ only for an estimate', () => {
    const exact = priced('deepseek-flash', { tokens: 1234, exact: true });
    assert.equal(statusText(exact), `1,234 tok · ${formatMoney(exact.estimate.total, 'USD')}`);
    const grok = priced('grok-4.7', { tokens: 1234 });
    assert.equal(grok.count.exact, false);
    assert.match(statusText(grok), /^≈1,234 tok · \$\d/);
  });

  it('tooltip: a table whose cache-miss, cache-hit and output costs add up to the total shown', () => {
    const p = priced('deepseek-flash', undefined, { cacheHitShare: 0.25 });
    const tip = tooltipMarkdown(p, AT);
    const e = p.estimate;
    assert.equal(e.cacheMiss.cost.add(e.cacheHit.cost).add(e.output.cost).toDecimalString(), e.total.toDecimalString());
    assert.ok(!e.cacheHit.cost.isZero() && !e.cacheMiss.cost.isZero(), 'both input parts are priced');
    assert.match(tip, /\| Input, cache miss \|/);
    assert.match(tip, /\| Input, cache hit \(25%\) \|/);
    assert.match(tip, /\| Output \(projected at ×1\) \|/);
    assert.ok(tip.includes(`**${formatMoney(e.total, 'USD')}**`), tip);
    assert.match(tip, /Saving from caching: \*\*/);
    assert.ok(tip.includes(`verified ${e.context.period.source.verified}`));
    assert.match(tip, /Count: [\d,]+ tokens?, exact/);
    // The time-of-day window is named once, in the price-period line (QA saw it twice).
    assert.equal(tip.split(`${e.context.window!.label} window`).length - 1, 0, tip);
    assert.ok(tip.includes(`${e.context.window!.label} prices`), tip);
  });

  it('tooltip: an estimate states its error band; template tokens and a plain-text fallback are mentioned', () => {
    const grok = tooltipMarkdown(priced('grok-4.7'), AT);
    assert.match(grok, /estimate \(.*the true count may be −5% … \+90% of this/);
    const templated = tooltipMarkdown(priced('deepseek-flash', { templateTokens: 5 }), AT);
    assert.match(templated, /incl\. 5 template tokens/);
    const fallback = tooltipMarkdown(priced('deepseek-flash', { fallback: 'bad.jsonl:2: not valid JSON' }), AT);
    assert.match(fallback, /Counted as plain text: bad\.jsonl:2: not valid JSON/);
    assert.doesNotMatch(tooltipMarkdown(priced('deepseek-flash'), AT), /Counted as plain text|template tokens/);
  });

  it('tooltip: Markdown in a file name cannot break the table or inject a link', () => {
    const tip = tooltipMarkdown(priced('deepseek-flash', undefined, {}, 'selection in a|b*[x](y).md'), AT);
    assert.ok(tip.includes('a\\|b\\*\\[x\\](y).md'), tip.split('\n')[0]);
    assert.equal(escapeMarkdown('<img>`_'), '\\<img\\>\\`\\_');
  });

  it('estimateSummary: label, count kind, model, total, and the fallback reason', () => {
    const exact = priced('deepseek-flash', { tokens: 2000, exact: true });
    const text = estimateSummary(exact);
    // It began with the lower-case label ("selection in prompt.md: …"); the model name starts the sentence now.
    assert.ok(text.startsWith(`${exact.model.displayName}: 2,000 tokens in selection in prompt.md → `), text);
    assert.ok(text.includes(`→ ${formatMoney(exact.estimate.total, 'USD')} (input `), text);
    assert.doesNotMatch(text, /estimated count|Counted as plain text/);
    const grok = estimateSummary(priced('grok-4.7', { fallback: 'x.json:1: not JSON' }));
    assert.match(grok, /^Grok 4\.7[^:]*: ≈[\d,]+ tokens \(estimated count\) in /);
    assert.match(grok, /Counted as plain text: x\.json:1: not JSON$/);
  });

  it('names the prompt file’s own model and prices its max_tokens as the request’s own limit', () => {
    const m = model('mistral-large-2512');
    const count = countDocument(TEXT, undefined, m);
    const settings = { settings: DEFAULT_SETTINGS, catalog };
    const p = priceCount(settings, { label: 'a.prompt.yml (whole document)' }, m, count, AT, { declared: true, maxTokens: 300 });
    assert.equal(p.estimate.output.tokens, 300);
    const tooltip = tooltipMarkdown(p, AT);
    assert.match(tooltip, /^\*\*Mistral Large[^*]*\*\* · `mistral-large-2512` \(from the prompt file\) · /);
    assert.match(tooltip, /\| Output \(projected at the request's own limit \(max_tokens\)\) \| 300 \|/);
    assert.match(estimateSummary(p), /\(from the prompt file\): .* output 300 tok at the request's own limit/);
    const plain = priceCount(settings, { label: 'a.prompt.yml (whole document)' }, m, count, AT);
    assert.doesNotMatch(tooltipMarkdown(plain, AT), /from the prompt file|own limit/);
  });

  it('says once why a prompt file’s model was not taken', () => {
    const note = 'The prompt file names model "x", which is not in the catalog; priced for your chosen model.';
    const p = priceCount(
      { settings: DEFAULT_SETTINGS, catalog },
      { label: 'a.prompt.yml' },
      model('deepseek-flash'),
      countDocument(TEXT, undefined, model('deepseek-flash')),
      AT,
      { declared: false, note },
    );
    assert.equal(tooltipMarkdown(p, AT).split(escapeMarkdown(note)).length, 2);
  });

  it('names the number of requests and the batch total for a multi-request file', () => {
    const p = priced('deepseek-flash', { requests: 3, tokens: 1234 });
    const tooltip = tooltipMarkdown(p, AT);
    assert.ok(tooltip.includes(`\n3 requests · batch total 1,234 tok · ${formatMoney(p.estimate.total, 'USD')}\n`), tooltip);
    assert.doesNotMatch(tooltipMarkdown(priced('deepseek-flash', { requests: 1 }), AT), /batch total/);
  });
});
