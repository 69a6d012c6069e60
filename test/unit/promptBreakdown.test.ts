import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import { promptBreakdown } from '../../src/core/prompt/breakdown';
import { countDocument } from '../../src/core/prompt/document';
import { jsonElementLines } from '../../src/core/prompt/jsonLocate';
import { getTokenizer } from '../../src/core/tokenize/registry';
import { runCli } from '../fixtures/cli/fakeIo';

const prompts = path.resolve(__dirname, '../../test/fixtures/prompts');
const file = (name: string) => path.join(prompts, name);
const MODELS = [
  'deepseek-flash',
  'mistral-large-2512',
  'mistral-large-2411',
  'open-mistral-nemo-2407',
  'grok-4.3',
  'magistral-medium-2509',
];

interface Figures {
  tokens: number;
  requests: number;
  messages: number;
  breakdown?: {
    messages: { index: number; role: string; tokens: number; line: number }[];
    requests?: { line: number; tokens: number; templateTokens: number; messages: number }[];
  };
}

async function countJson(model: string, name: string): Promise<Figures> {
  const r = await runCli(['count', '--json', '--model', model, file(name)]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Figures;
}

describe('prompt breakdown (count/estimate --json `breakdown`)', () => {
  it('a 3-request JSONL has 3 requests whose tokens add up to the file total, for every template family', async () => {
    for (const model of MODELS) {
      const c = await countJson(model, 'three-requests.jsonl');
      assert.equal(c.requests, 3);
      assert.equal(c.messages, 7);
      const requests = c.breakdown?.requests ?? [];
      assert.deepEqual(
        requests.map((r) => [r.line, r.messages]),
        [
          [1, 2],
          [3, 4],
          [4, 1],
        ],
        model,
      );
      assert.equal(
        requests.reduce((sum, r) => sum + r.tokens, 0),
        c.tokens,
        `${model}: requests add up to the total`,
      );
      // The template overhead is counted once per request, beside the messages' own text.
      for (const r of requests) assert.ok(r.templateTokens > 0 && r.templateTokens < r.tokens, model);
      assert.deepEqual(
        c.breakdown?.messages.map((m) => [m.line, m.index, m.role]),
        [
          [1, 0, 'system'],
          [1, 1, 'user'],
          [3, 0, 'system'],
          [3, 1, 'user'],
          [3, 2, 'assistant'],
          [3, 3, 'user'],
          [4, 0, 'user'],
        ],
      );
    }
  });

  it("a message's tokens are its own text counted with the model's tokenizer", () => {
    const catalog = defaultCatalog();
    for (const id of MODELS) {
      const model = findModel(catalog, id)!;
      const text = readFileSync(file('chat.json'), 'utf8');
      const breakdown = promptBreakdown(text, 'chat.json', model)!;
      const contents = (JSON.parse(text) as { messages: { content: string }[] }).messages.map((m) => m.content);
      const tokenizer = getTokenizer(model.tokenizer);
      assert.deepEqual(
        breakdown.messages.map((m) => m.tokens),
        contents.map((c) => tokenizer.count(c)),
        id,
      );
      assert.equal(breakdown.requests[0].tokens, countDocument(text, 'chat.json', model).tokens, id);
    }
  });

  it('gives each message the line it starts on (chat JSON, .prompt.yml)', async () => {
    const json = await countJson('deepseek-flash', 'chat.json');
    assert.deepEqual(
      json.breakdown?.messages.map((m) => [m.index, m.role, m.line]),
      [
        [0, 'system', 4],
        [1, 'user', 5],
        [2, 'assistant', 6],
        [3, 'user', 7],
      ],
    );
    assert.equal(json.breakdown?.requests, undefined, 'requests only for JSONL');
    const yml = await countJson('mistral-large-2512', 'summarise.prompt.yml');
    assert.deepEqual(
      yml.breakdown?.messages.map((m) => [m.role, m.line]),
      [
        ['system', 7],
        ['user', 9],
      ],
    );
  });

  it('plain text, Markdown and malformed files counted as plain text have no breakdown', async () => {
    assert.equal((await countJson('deepseek-flash', 'plain.txt')).breakdown, undefined);
    assert.equal((await countJson('deepseek-flash', 'notes.md')).breakdown, undefined);
    const r = await runCli(['count', '--json', '--plain', '--model', 'deepseek-flash', file('bad-line.jsonl')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as Figures).breakdown, undefined);
  });

  it('estimate --json carries the breakdown per model, priced from the same total', async () => {
    const r = await runCli(['estimate', '--json', '--model', 'deepseek-flash', '--model', 'grok-4.3', file('three-requests.jsonl')]);
    assert.equal(r.code, 0, r.stderr);
    const models = (JSON.parse(r.stdout) as { models: (Figures & { model: string })[] }).models;
    for (const m of models) {
      assert.equal(m.breakdown?.requests?.length, 3, m.model);
      assert.equal(
        m.breakdown?.requests?.reduce((s, q) => s + q.tokens, 0),
        m.tokens,
      );
    }
  });

  it('jsonElementLines finds every element of the array at a path in one pass', () => {
    const text = '{\n  "a": [1,\n\n 2, {"b": [3]}\n, 4],\n  "messages": [\n  {"x": 1},\n\n  {"y": [\n2]}, "z"\n  ]\n}';
    assert.deepEqual(jsonElementLines(text, ['messages']), [7, 9, 10]);
    assert.deepEqual(jsonElementLines(text, ['a']), [2, 4, 4, 5]);
    assert.deepEqual(jsonElementLines(text, ['none']), []);
  });
});
