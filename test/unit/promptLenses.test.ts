import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import type { ModelEntry } from '../../src/core/catalog/types';
import { estimate, inputCost } from '../../src/core/cost/estimate';
import { formatMoney } from '../../src/core/format/money';
import { promptBreakdown } from '../../src/core/prompt/breakdown';
import { declaredByPrompt } from '../../src/core/prompt/declared';
import { countDocument } from '../../src/core/prompt/document';
import { promptHover, promptLenses, requestViews } from '../../src/core/view/promptLenses';
import type { LensPricing } from '../../src/core/view/promptLenses';
import { choosePromptModel } from '../../src/core/view/promptModel';
import { PromptWorker } from '../../src/host/counting/promptWorker';
import { DocumentMirrors } from '../../src/host/counting/documentMirrors';
import type { ModelEntry as Model } from '../../src/core/catalog/types';

/** A prompt job on a document the mirrors hold at `version`. */
function job(id: number, name: string, version: number, m?: Model, maxBytes = 1_000_000) {
  return {
    kind: 'prompt' as const,
    id,
    fileName: file(name),
    document: { key: `file:///${name}`, version, name, maxBytes },
    ...(m ? { model: m } : {}),
  };
}

const catalog = defaultCatalog();
const AT = new Date('2026-11-20T12:00:00Z');
const prompts = path.resolve(__dirname, '../../test/fixtures/prompts');
const read = (name: string) => readFileSync(path.join(prompts, name), 'utf8');
const file = (name: string) => path.join(prompts, name);

function model(id: string): ModelEntry {
  const m = findModel(catalog, id);
  assert.ok(m, id);
  return m;
}

function pricing(id: string, overrides: Partial<LensPricing> = {}): LensPricing {
  return {
    catalog,
    model: model(id),
    exact: true,
    modelOrigin: 'your chosen model',
    outputRatio: 1,
    cacheHitShare: 0,
    currency: 'USD',
    at: AT,
    ...overrides,
  };
}

function views(name: string, id: string, limits?: (number | null)[]) {
  const breakdown = promptBreakdown(read(name), file(name), model(id));
  assert.ok(breakdown, name);
  return requestViews(breakdown, limits);
}

describe('prompt lenses and hovers (view-models)', () => {
  it('a 3-request JSONL gets one lens per request and per message, the requests adding up to the file count', () => {
    const id = 'mistral-large-2512';
    const v = views('three-requests.jsonl', id);
    assert.equal(v.length, 3);
    assert.deepEqual(
      v.map((r) => r.messages.length),
      [2, 4, 1],
    );
    const lenses = promptLenses(v, pricing(id));
    assert.equal(lenses.length, 3 + 7);
    const total = countDocument(read('three-requests.jsonl'), file('three-requests.jsonl'), model(id)).tokens;
    assert.equal(
      v.reduce((sum, r) => sum + r.figure.tokens, 0),
      total,
    );
    assert.match(lenses[0].title, /^request 1 · [\d,]+ tok incl\. [\d,]+ template · /);
    assert.equal(lenses[0].line, 1);
    assert.equal(lenses[3].line, 3, 'the second request is on line 3 (line 2 is blank)');
    assert.match(lenses[3].title, /^request 2 /);
  });

  it('a request lens prices input plus output at the ratio, or at the request’s own max_tokens', () => {
    const id = 'deepseek-flash';
    const [first] = views('three-requests.jsonl', id, [500, null, null]);
    const [ratio] = views('three-requests.jsonl', id);
    const withLimit = promptLenses([first], pricing(id))[0];
    const withRatio = promptLenses([ratio], pricing(id, { outputRatio: 2 }))[0];
    const expected = estimate(catalog, {
      modelId: id,
      inputTokens: first.figure.tokens,
      at: AT,
      output: { tokens: 500 },
      cache: { hitRatio: 0 },
    });
    assert.ok(withLimit.title.includes(`· ${formatMoney(expected.total, 'USD')} = in `), withLimit.title);
    assert.match(withLimit.title, /\(max_tokens 500\)$/);
    assert.match(withLimit.tooltip, /request's own limit/);
    assert.match(withRatio.title, /\(×2\)$/);
    assert.notEqual(withLimit.title, withRatio.title);
  });

  it('a message lens is role · tokens · input cost at the cache-hit share', () => {
    const id = 'deepseek-flash';
    const v = views('chat.json', id);
    const lenses = promptLenses(v, pricing(id, { cacheHitShare: 0.5 }));
    const user = v[0].messages[1];
    const e = estimate(catalog, { modelId: id, inputTokens: user.tokens, at: AT, output: { tokens: 0 }, cache: { hitRatio: 0.5 } });
    const lens = lenses.find((l) => l.line === user.line);
    assert.ok(lens);
    assert.equal(lens.title, `user · ${user.tokens.toLocaleString('en-US')} tok · ${formatMoney(inputCost(e), 'USD')}`);
    assert.deepEqual(
      lenses.slice(1).map((l) => l.line),
      [4, 5, 6, 7],
    );
  });

  it('an estimated count is marked ≈ in the titles', () => {
    const v = views('chat.json', 'grok-4.3');
    const lenses = promptLenses(v, pricing('grok-4.3', { exact: false }));
    assert.ok(lenses.every((l) => l.title.includes('≈')));
  });

  it('a hover on a message line gives its tokens, cache-miss/hit cost and share of its request', () => {
    const id = 'deepseek-flash';
    const v = views('chat.json', id);
    const hover = promptHover(v, 5, pricing(id, { cacheHitShare: 0.25 }));
    assert.ok(hover);
    assert.match(hover, /^\*\*user\*\* · message 2 of 4, request 1/);
    assert.match(hover, /Input, cache hit \(25%\)/);
    const user = v[0].messages[1];
    const share = `${Number(((user.tokens / v[0].figure.tokens) * 100).toFixed(1))}%`;
    assert.ok(hover.includes(`Share of its request: ${share}`), hover);
    assert.equal(promptHover(v, 2, pricing(id)), undefined, 'line 2 ("model") is above the first message');
    assert.match(promptHover(v, 8, pricing(id)) ?? '', /message 4 of 4/, 'the lines after the last message belong to it');
  });

  it('a hover on a JSONL line lists every message of that request', () => {
    const id = 'deepseek-flash';
    const hover = promptHover(views('three-requests.jsonl', id), 3, pricing(id));
    assert.ok(hover);
    assert.equal(hover.match(/request 2/g)?.length, 4);
  });
});

describe('the model a prompt file is priced with', () => {
  it('takes a catalog model the file names, with its max_tokens', () => {
    const yml = 'model: mistral-large-2512\nmodelParameters:\n  max_tokens: 300\nmessages:\n  - role: user\n    content: hi\n';
    const choice = choosePromptModel(catalog, 'deepseek-flash', declaredByPrompt(yml, 'a.prompt.yml'));
    assert.equal(choice?.model.id, 'mistral-large-2512');
    assert.equal(choice?.declared, true);
    assert.equal(choice?.maxTokens, 300);
  });

  it('reads a provider-prefixed name and falls back to the chosen model with a note naming the closest ids', () => {
    assert.equal(
      choosePromptModel(catalog, 'deepseek-flash', { requests: 1, modelName: 'mistral-ai/mistral-large-2512' })?.model.id,
      'mistral-large-2512',
    );
    const unknown = choosePromptModel(catalog, 'deepseek-flash', { requests: 1, modelName: 'mistral-large-9999' });
    assert.equal(unknown?.model.id, 'deepseek-flash');
    assert.equal(unknown?.declared, false);
    assert.match(unknown?.note ?? '', /names model "mistral-large-9999", which is not in the catalog \(closest: mistral-large-/);
    const mixed = choosePromptModel(catalog, 'deepseek-flash', { requests: 2, mixedModels: ['a', 'b'] });
    assert.match(mixed?.note ?? '', /different models \(a, b\)/);
    assert.deepEqual(choosePromptModel(catalog, 'deepseek-flash', { requests: 1 }), { model: model('deepseek-flash'), declared: false });
  });
});

describe('prompt jobs in the counting worker', () => {
  it('reads the mirrored document, gives the breakdown and limits, and keeps message counts across versions', () => {
    const mirrors = new DocumentMirrors();
    const worker = new PromptWorker(mirrors);
    const m = model('mistral-large-2512');
    const text = read('chat.json');
    mirrors.open('file:///chat.json', 1, text);
    const first = worker.run(job(1, 'chat.json', 1, m));
    assert.ok(first.ok);
    assert.deepEqual(first.details.breakdown, promptBreakdown(text, file('chat.json'), m));
    assert.deepEqual(first.details.requestLimits, [null]);
    const remembered = worker.remembered(m.tokenizer);
    const offset = text.indexOf('Thanks.');
    mirrors.edit('file:///chat.json', 2, [{ offset, deleteCount: 'Thanks.'.length, insert: 'Thank you.' }]);
    const edited = text.replace('Thanks.', 'Thank you.');
    const second = worker.run(job(2, 'chat.json', 2, m));
    assert.ok(second.ok);
    assert.deepEqual(second.details.breakdown, promptBreakdown(edited, file('chat.json'), m));
    assert.equal(worker.remembered(m.tokenizer), remembered + 1, 'only the edited message was counted again');
  });

  it('asks for the text when the mirror is not at the version, and refuses a file over the size limit', () => {
    const mirrors = new DocumentMirrors();
    const worker = new PromptWorker(mirrors);
    const stale = worker.run(job(1, 'chat.json', 1));
    assert.ok(!stale.ok);
    assert.equal(stale.reason, 'resync');
    mirrors.open('file:///chat.json', 1, read('chat.json'));
    const large = worker.run(job(2, 'chat.json', 1, model('deepseek-flash'), 10));
    assert.ok(large.ok);
    assert.match(large.details.problem ?? '', /over the .* limit of llmCost\.maxFileSizeMB/);
  });

  it('says what the file declares without a model, and reports a malformed file as a problem', () => {
    const mirrors = new DocumentMirrors();
    const worker = new PromptWorker(mirrors);
    mirrors.open('file:///chat.json', 1, read('chat.json'));
    mirrors.open('file:///bad-syntax.json', 1, read('bad-syntax.json'));
    const declared = worker.run(job(1, 'chat.json', 1));
    assert.ok(declared.ok);
    assert.equal(declared.details.declared?.modelName, 'deepseek-chat');
    const bad = worker.run(job(2, 'bad-syntax.json', 1, model('deepseek-flash')));
    assert.ok(bad.ok);
    assert.equal(bad.details.breakdown, undefined);
    assert.match(bad.details.problem ?? '', /not valid JSON/);
  });
});
