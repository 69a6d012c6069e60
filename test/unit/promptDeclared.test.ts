import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { declaredByPrompt, resolveDeclaredModel } from '../../src/core/prompt/declared';
import { countDocument } from '../../src/core/prompt/document';
import { runCli } from '../fixtures/cli/fakeIo';

const YAML = `name: Review
model: mistral-ai/mistral-large-2512
modelParameters:
  max_tokens: 400
messages:
  - role: system
    content: You are a careful reviewer.
  - role: user
    content: Review this function for bugs.
`;
const dir = mkdtempSync(path.join(tmpdir(), 'llm-cost-declared-'));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('a prompt file’s own model and output limit', () => {
  it('reads model and modelParameters.max_tokens from a .prompt.yml', () => {
    assert.deepEqual(declaredByPrompt(YAML, 'review.prompt.yml'), {
      requests: 1,
      modelName: 'mistral-ai/mistral-large-2512',
      maxTokens: 400,
    });
  });

  it('reads "model" and max_tokens / max_completion_tokens from chat JSON and JSONL batch lines', () => {
    const json = JSON.stringify({ model: 'deepseek-flash', max_completion_tokens: 50, messages: [{ role: 'user', content: 'hi' }] });
    assert.deepEqual(declaredByPrompt(json, 'req.json'), { requests: 1, modelName: 'deepseek-flash', maxTokens: 50 });
    const line = (model: string, max?: number) =>
      JSON.stringify({
        custom_id: model,
        body: { model, ...(max ? { max_tokens: max } : {}), messages: [{ role: 'user', content: 'hi' }] },
      });
    assert.deepEqual(declaredByPrompt([line('grok-4.7', 10), line('grok-4.7', 20)].join('\n'), 'batch.jsonl'), {
      requests: 2,
      modelName: 'grok-4.7',
      maxTokens: 30,
    });
    // One request without a limit: no fixed output; two different models: none is taken.
    assert.equal(declaredByPrompt([line('grok-4.7', 10), line('grok-4.7')].join('\n'), 'b.jsonl')?.maxTokens, undefined);
    const mixed = declaredByPrompt([line('grok-4.7'), line('deepseek-flash')].join('\n'), 'b.jsonl');
    assert.equal(mixed?.modelName, undefined);
    assert.deepEqual(mixed?.mixedModels, ['grok-4.7', 'deepseek-flash']);
  });

  it('plain text, Markdown and malformed files declare nothing', () => {
    assert.equal(declaredByPrompt('model: x', 'notes.txt'), undefined);
    assert.equal(declaredByPrompt('# model: x', 'notes.md'), undefined);
    assert.equal(declaredByPrompt('{"model": "x", "messages": [', 'broken.json'), undefined);
  });

  it('resolves ids, aliases and provider-prefixed names; an unknown name comes with the closest ids', () => {
    const catalog = defaultCatalog();
    const known = resolveDeclaredModel(catalog, 'mistral-ai/Mistral-Large-2512');
    assert.equal(known.kind === 'known' && known.model.id, 'mistral-large-2512');
    const unknown = resolveDeclaredModel(catalog, 'mistral-larje-2512');
    assert.equal(unknown.kind, 'unknown');
    assert.ok(unknown.kind === 'unknown' && unknown.closest.includes('mistral-large-2512'), JSON.stringify(unknown));
  });

  it('count without --model counts a .prompt.yml naming mistral-large-2512 for that model', async () => {
    const p = file('review.prompt.yml', YAML);
    const r = await runCli(['count', '--json', p]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { model: string; tokens: number };
    assert.equal(out.model, 'mistral-large-2512');
    const model = findModel(defaultCatalog(), 'mistral-large-2512');
    assert.ok(model);
    assert.equal(out.tokens, countDocument(YAML, p, model).tokens);
  });

  it('estimate without --model prices only the named model, with max_tokens as the projected output', async () => {
    const p = file('limit.prompt.yml', YAML);
    const r = await runCli(['estimate', '--json', '--at', '2026-11-30T02:00Z', p]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.stringify(JSON.parse(r.stdout));
    assert.match(out, /mistral-large-2512/);
    assert.doesNotMatch(out, /deepseek-flash|grok-4/);
    assert.match(out, /"tokens":400/);
    assert.match(r.stderr, /pricing mistral-large-2512, the model .* names/);
    // --ratio wins over the file's own limit.
    const ratio = await runCli(['estimate', '--at', '2026-11-30T02:00Z', '--ratio', '2', p]);
    assert.match(ratio.stdout, /output projected at 2 × the input tokens/);
  });

  it('an unknown model name is reported once, with the closest ids, and count then asks for --model', async () => {
    const p = file('typo.prompt.yml', YAML.replace('mistral-ai/mistral-large-2512', 'mistral-larje-2512'));
    const r = await runCli(['count', p]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.match(/not in the catalog/g)?.length, 1);
    assert.match(r.stderr, /closest: mistral-large-2512/);
    assert.match(r.stderr, /needs --model ID/);
  });
});
