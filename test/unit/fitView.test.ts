import * as assert from 'node:assert/strict';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import type { ModelEntry } from '../../src/core/catalog/types';
import { contextFit } from '../../src/core/cost/contextFit';
import { fitNote, fitShareText, formatContextSize, formatShare } from '../../src/core/format/fit';
import { DEFAULT_SETTINGS } from '../../src/core/config/settings';
import { accessibleSummary, estimateSummary, priceCount, statusText, tooltipMarkdown } from '../../src/core/view/statusText';
import { compareModels, selectModels, toPanelRow } from '../../src/core/view/compareRows';
import type { CountResult } from '../../src/core/tokenize/types';
import type { DocumentCount } from '../../src/core/prompt/documentCount';
import { runCli } from '../fixtures/cli/fakeIo';

const catalog = defaultCatalog();
const AT = new Date('2026-11-20T12:00:00Z');

function model(id: string): ModelEntry {
  const m = findModel(catalog, id);
  assert.ok(m, id);
  return m;
}

function documentCount(tokens: number): DocumentCount {
  return {
    tokens,
    exact: true,
    tokenizer: 'mistral-tekken',
    label: 'Mistral Tekken',
    format: 'plain',
    requests: 1,
    messages: 0,
    templateTokens: 0,
    templateExact: true,
  } as DocumentCount;
}

/** The 2 MB file of the issue on Ministral 3 3B: 340,259 tokens in a 131,072 window. */
function bigPrompt(outputRatio = 0) {
  return priceCount(
    { settings: { ...DEFAULT_SETTINGS, outputRatio }, catalog },
    { label: 'big-2mb.txt' },
    model('ministral-3b-2512'),
    documentCount(340_259),
    AT,
  );
}

describe('context-window fit in words', () => {
  it('one format for context sizes: grouped digits, "not given" for an unknown window', () => {
    assert.equal(formatContextSize(131_072), '131,072');
    assert.equal(formatContextSize(1_000_000), '1,000,000');
    assert.equal(formatContextSize(0), 'not given');
  });

  it('shares: "<0.1%", one decimal below 10%, whole percent above', () => {
    assert.equal(formatShare(0.0001), '<0.1%');
    assert.equal(formatShare(0.0026), '0.3%');
    assert.equal(formatShare(0.095), '9.5%');
    assert.equal(formatShare(0.2604), '26%');
    assert.equal(formatShare(340_259 / 131_072), '260%');
    assert.equal(formatShare(0), '0%');
  });

  it('names how far over the window a prompt is, and the maximum output when the answer exceeds it', () => {
    const over = contextFit({ contextWindow: 131_072 }, 340_259, 0);
    assert.equal(fitNote(over), 'does not fit: 209,187 tokens over the 131,072 window');
    assert.equal(fitShareText(over), '260% of 131,072');
    const near = contextFit({ contextWindow: 100_000 }, 93_000, 0);
    assert.equal(fitNote(near), 'near the limit: 93% of the 100,000 window');
    assert.equal(fitNote(contextFit({ contextWindow: 100_000 }, 1_000, 1_000)), '');
    const output = contextFit({ contextWindow: 1_000_000, maxOutput: 8_192 }, 10_000, 10_000);
    assert.equal(fitNote(output), 'does not fit: projected output 10,000 tokens exceeds the 8,192 maximum output');
    assert.equal(fitShareText(contextFit({ contextWindow: 0 }, 5, 5)), 'window not given');
  });
});

describe('context-window fit in the status bar and estimate command', () => {
  it('a prompt that does not fit says so in the status text (it read "340,259 tok · $0.07" before)', () => {
    const p = bigPrompt();
    assert.equal(p.fit.level, 'over');
    assert.match(statusText(p), /^340,259 tok · \$\S+ · does not fit$/);
  });

  it('a prompt near the limit shows its share of the window; one with room shows none', () => {
    const near = priceCount(
      { settings: { ...DEFAULT_SETTINGS, outputRatio: 0 }, catalog },
      { label: 'x' },
      model('ministral-3b-2512'),
      documentCount(125_000),
      AT,
    );
    assert.match(statusText(near), / · 95% of window$/);
    const small = priceCount({ settings: DEFAULT_SETTINGS, catalog }, { label: 'x' }, model('ministral-3b-2512'), documentCount(100), AT);
    assert.doesNotMatch(statusText(small), /window|fit/);
  });

  it('the tooltip shows the share of the window and what it counts, bold when it does not fit', () => {
    const tip = tooltipMarkdown(bigPrompt(), AT);
    assert.match(
      tip,
      /Context window: 260% of 131,072 \(input 340,259 \+ projected output 0 = 340,259 tokens\): \*\*does not fit: 209,187 tokens over the 131,072 window\*\*/,
    );
    const small = priceCount({ settings: DEFAULT_SETTINGS, catalog }, { label: 'x' }, model('ministral-3b-2512'), documentCount(1_000), AT);
    assert.match(tooltipMarkdown(small, AT), /Context window: 1\.5% of 131,072 \(input 1,000 \+ projected output/);
  });

  it('accessibleSummary is one plain sentence: no Markdown table, no icon syntax', () => {
    const text = accessibleSummary(bigPrompt());
    assert.match(
      text,
      /^Ministral 3 3B[^:]*: 340,259 tokens in big-2mb\.txt, \$\S+; does not fit: 209,187 tokens over the 131,072 window\.$/,
    );
    assert.doesNotMatch(text, /[|*_`]|\$\(/);
    const small = priceCount({ settings: DEFAULT_SETTINGS, catalog }, { label: 'x' }, model('ministral-3b-2512'), documentCount(1_000), AT);
    assert.match(accessibleSummary(small), /; 1\.5% of the 131,072-token context window\.$/);
  });

  it('the estimate command summary says when the prompt does not fit', () => {
    assert.match(estimateSummary(bigPrompt()), /Context window: does not fit: 209,187 tokens over the 131,072 window\./);
  });
});

describe('context-window fit in the comparison panel', () => {
  it('a row that does not fit is marked with its share and by how much; a row not counted has no fit', () => {
    const models = [model('ministral-3b-2512'), model('mistral-large-2512'), model('grok-4.7')];
    const counts = new Map<string, CountResult>([
      ['ministral-3b-2512', documentCount(200_000)],
      ['mistral-large-2512', documentCount(200_000)],
    ]);
    const rows = compareModels(catalog, models, counts, { outputRatio: 0, cache: { hitRatio: 0 }, currency: 'USD', at: AT });
    const [small, large, grok] = rows.map((r) => toPanelRow(r, 'USD'));
    assert.deepEqual(small.fit, {
      level: 'over',
      shareText: '153% of 131,072',
      note: 'does not fit: 68,928 tokens over the 131,072 window',
    });
    assert.deepEqual(large.fit, { level: 'fits', shareText: '76% of 262,144', note: '' });
    assert.equal(grok.fit, undefined);
  });

  it('names a crossed long-context tier: every token at the higher rate', () => {
    const grok = model('grok-4.7');
    const rows = compareModels(catalog, [grok], new Map([['grok-4.7', documentCount(250_000)]]), {
      outputRatio: 0,
      cache: { hitRatio: 0 },
      currency: 'USD',
      at: AT,
    });
    const row = toPanelRow(rows[0], 'USD');
    assert.ok(
      row.priceNotes.some((n) => n.text === 'prompt ≥ 200,000 tokens: every token at the higher long-context rate'),
      JSON.stringify(row.priceNotes),
    );
  });
});

describe('context-window fit in llm-cost estimate', () => {
  const big = 'word '.repeat(150_000);

  it('the table has a window column; a prompt that does not fit prints a warning naming the model', async () => {
    const res = await runCli(['estimate', '--ratio', '0', '--model', 'ministral-3b-2512', '--model', 'mistral-large-2512', '-'], {
      stdin: big,
    });
    assert.equal(res.code, 0, res.stderr);
    const [header, , small, large] = res.stdout.split('\n');
    assert.match(header, /\bwindow$/);
    assert.match(small, /^ministral-3b-2512 .* \d+% over$/);
    assert.match(large, /^mistral-large-2512 .* \d+%$/);
    assert.match(res.stderr, /^llm-cost: warning: ministral-3b-2512: the prompt does not fit: [\d,]+ tokens over the 131,072 window/m);
    assert.doesNotMatch(res.stderr, /mistral-large-2512/);
  });

  it('JSON lines carry contextWindow, contextUsed and fits', async () => {
    const res = await runCli(['estimate', '--json', '--model', 'ministral-3b-2512', '--model', 'grok-3-fast', '-'], { stdin: big });
    assert.equal(res.code, 0, res.stderr);
    const json = JSON.parse(res.stdout) as {
      models: { model: string; tokens: number; contextWindow: number | null; contextUsed: number | null; fits: boolean }[];
    };
    const [small, unknown] = json.models;
    assert.equal(small.contextWindow, 131_072);
    assert.equal(small.contextUsed, (small.tokens * 2) / 131_072);
    assert.equal(small.fits, false);
    assert.equal(unknown.contextWindow, null);
    assert.equal(unknown.contextUsed, null);
    assert.equal(unknown.fits, true);
  });
});

describe('embedding models in comparisons', () => {
  it('are compared only when pinned: they answer nothing, so a prompt-cost table would list them as cheapest', () => {
    const catalog = defaultCatalog();
    const embed = catalog.models.find((m) => m.inputOnly);
    assert.ok(embed, 'the catalog has an input-only model');
    assert.ok(!selectModels(catalog, { showRetired: true, pinned: [] }).models.some((m) => m.inputOnly));
    assert.ok(selectModels(catalog, { showRetired: false, pinned: [embed.id] }).models.some((m) => m.id === embed.id));
  });
});
