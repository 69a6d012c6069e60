// Prompt files: each format's count = tokenizer counts of the content strings + hand-derived template overhead.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelEntry } from '../../src/core/catalog/types';
import { PromptParseError, countDocument } from '../../src/core/prompt/document';
import { withExactTextCount } from '../../src/core/prompt/documentCount';
import { jsonErrorLine, jsonValueLine } from '../../src/core/prompt/jsonLocate';
import { getTokenizer } from '../../src/core/tokenize/registry';
import { customModel } from '../fixtures/models';

const dir = path.resolve(__dirname, '../../test/fixtures/prompts');
const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');

const model = customModel;
const deepseek = model('deepseek-chat', 'deepseek-v3');
const c = (text: string, m: ModelEntry = deepseek): number => getTokenizer(m.tokenizer).count(text);
const sum = (texts: readonly string[], m: ModelEntry = deepseek): number => texts.reduce((n, t) => n + c(t, m), 0);

function parseError(run: () => unknown): PromptParseError {
  try {
    run();
  } catch (e) {
    assert.ok(e instanceof PromptParseError, `expected PromptParseError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a PromptParseError');
}

describe('countDocument: formats (DeepSeek template)', () => {
  it('plain text and Markdown: the raw text, no template', () => {
    const txt = read('plain.txt');
    const plain = countDocument(txt, 'plain.txt', deepseek);
    assert.equal(plain.format, 'plain');
    assert.equal(plain.tokens, c(txt));
    assert.equal(plain.templateTokens, 0);
    assert.equal(plain.requests, 0);
    const md = read('notes.md');
    const markdown = countDocument(md, 'docs/notes.md', deepseek);
    assert.equal(markdown.format, 'markdown');
    assert.equal(markdown.tokens, c(md));
  });

  it('asChatMessage wraps plain text as one user message: text + 3 on DeepSeek', () => {
    const txt = read('plain.txt');
    const r = countDocument(txt, 'plain.txt', deepseek, { asChatMessage: true });
    assert.equal(r.tokens, c(txt) + 3); // BOS, <｜User｜>, <｜Assistant｜>
    assert.equal(r.templateTokens, 3);
    assert.equal(r.messages, 1);
    assert.equal(r.format, 'plain');
  });

  it("deepseekTemplate 'v3.1': </think> or <think> after each <｜Assistant｜> (+1 per answer and for the reply)", () => {
    const msgs = [
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: 'Hello! I am DeepSeek.' },
      { role: 'user', content: '1+1=?' },
    ];
    // <｜begin▁of▁sentence｜><｜User｜>hello<｜Assistant｜></think>Hello! I am DeepSeek.<｜end▁of▁sentence｜><｜User｜>1+1=?<｜Assistant｜><think>
    const r = countDocument(JSON.stringify(msgs), 'c.json', deepseek, { deepseekTemplate: 'v3.1' });
    assert.equal(r.templateTokens, 8);
    assert.equal(r.tokens, sum(['hello', 'Hello! I am DeepSeek.', '1+1=?']) + 8);
    assert.equal(countDocument(JSON.stringify(msgs), 'c.json', deepseek).templateTokens, 6);
  });

  it('chat JSON with a messages array', () => {
    const texts = [
      'You are a terse code reviewer. Answer in English.',
      'Review this function:\n\nfunction add(a, b) { return a - b; }',
      'It subtracts instead of adding: use `a + b`.',
      'Thanks. And what would you name it? 请用中文回答。',
    ];
    const r = countDocument(read('chat.json'), 'chat.json', deepseek);
    assert.equal(r.format, 'chat-json');
    assert.equal(r.requests, 1);
    assert.equal(r.messages, 4);
    // BOS + system; <｜User｜>; <｜Assistant｜> … <｜end▁of▁sentence｜>; <｜User｜>; <｜Assistant｜> to open the reply
    assert.equal(r.templateTokens, 6);
    assert.equal(r.tokens, sum(texts) + 6);
    assert.equal(r.templateExact, true);
    assert.equal(r.exact, getTokenizer('deepseek-v3').exact);
  });

  it('a top-level array of {role, content} with text parts; images reported, not counted', () => {
    const r = countDocument(read('parts.json'), 'parts.json', deepseek);
    assert.equal(r.format, 'chat-json');
    assert.equal(r.messages, 2);
    // developer → system; the two text parts are joined with a blank line
    assert.equal(r.tokens, c('Describe images briefly.') + c('What is in this picture?\n\nAnswer in one sentence.') + 3);
    assert.deepEqual(r.uncountedParts, [{ type: 'image_url', count: 1 }]);
    assert.equal(r.exact, false);
    assert.ok(r.templateNotes?.some((n) => n.includes('1 image_url')));
  });

  it('JSONL: one request per line, blank lines skipped, batch-API lines read from body.messages, summed', () => {
    const system = 'Classify the sentiment as positive or negative.';
    const r = countDocument(read('requests.jsonl'), 'requests.jsonl', deepseek);
    assert.equal(r.format, 'jsonl');
    assert.equal(r.requests, 4);
    assert.equal(r.messages, 6);
    const text =
      2 * c(system) +
      sum(['I loved the film.', 'The plot was a mess.', 'Translate to French: good morning', 'Summarise: tokens cost money.']);
    assert.equal(r.templateTokens, 4 * 3); // each request: BOS, <｜User｜>, <｜Assistant｜>
    assert.equal(r.tokens, text + 12);
  });

  it('.prompt.yml: the messages list only (model, testData ignored)', () => {
    const r = countDocument(read('summarise.prompt.yml'), 'prompts/summarise.prompt.yml', deepseek);
    assert.equal(r.format, 'prompt-yaml');
    assert.equal(r.messages, 2);
    assert.equal(r.tokens, c('You write one-line changelog entries.') + c('Summarise this diff:\n{{diff}}\n') + 3);
  });

  it('a .json document without messages is plain text, not an error', () => {
    const json = read('package-like.json');
    const r = countDocument(json, 'package.json', deepseek);
    assert.equal(r.format, 'plain');
    assert.equal(r.tokens, c(json));
    assert.equal(r.templateTokens, 0);
  });

  it('tool calls and tool results follow the DeepSeek template', () => {
    const r = countDocument(read('tools.json'), 'tools.json', deepseek);
    const text = sum([
      "What's the weather in Paris?",
      'get_weather\n```json\n{"city": "Paris"}\n```',
      '{"temp_c": 18}',
      'It is 18 °C in Paris.',
      'And in Lyon?',
    ]);
    // BOS 1; User 1; Assistant+calls_begin+call_begin 3, "function", sep 1, call_end 1; outputs_begin+output_begin 2,
    // output_end 1; outputs_end … eos 2; User 1; Assistant 1
    const overhead = 1 + 1 + 3 + c('function') + 1 + 1 + 2 + 1 + 2 + 1 + 1;
    assert.equal(r.templateTokens, overhead);
    assert.equal(r.tokens, text + overhead);
  });

  it('sniffs chat JSON and JSONL when there is no file name; anything else is plain', () => {
    assert.equal(countDocument(read('chat.json'), undefined, deepseek).format, 'chat-json');
    assert.equal(countDocument(read('requests.jsonl'), undefined, deepseek).format, 'jsonl');
    assert.equal(countDocument(read('package-like.json'), undefined, deepseek).format, 'plain');
    assert.equal(countDocument('{ not json', undefined, deepseek).format, 'plain');
    assert.equal(countDocument(read('bad-role.json'), undefined, deepseek).format, 'plain');
  });
});

describe('countDocument: malformed prompt files', () => {
  const cases: [file: string, message: string | RegExp][] = [
    ['bad-syntax.json', "bad-syntax.json:4: not valid JSON: Expected ',' or '}' after property value"],
    ['bad-role.json', 'bad-role.json:5: message 3 has an unknown role "bot" (expected system, user, assistant, tool or developer)'],
    ['no-content.json', 'no-content.json:4: message 2 (assistant) has no content'],
    ['bad-line.jsonl', /^bad-line\.jsonl:3: not valid JSON: \S/],
    ['not-chat-line.jsonl', 'not-chat-line.jsonl:3: not a chat request: expected a "messages" list or a list of {role, content}'],
    ['bad.prompt.yml', 'bad.prompt.yml:4: not valid YAML: Missing closing "quote'],
    ['no-role.prompt.yml', 'no-role.prompt.yml:5: message 2 has no role'],
  ];
  for (const [file, message] of cases) {
    it(`${file} → names the file and line`, () => {
      const e = parseError(() => countDocument(read(file), `/some/where/${file}`, deepseek));
      if (typeof message === 'string') assert.equal(e.message, message);
      else assert.match(e.message, message);
      assert.equal(e.fileName, file);
    });
  }

  it('a JSONL file of single messages says each line must be one request', () => {
    const e = parseError(() => countDocument('{"role": "user", "content": "hello there"}\n', 'msgs.jsonl', deepseek));
    assert.equal(
      e.message,
      'msgs.jsonl:1: a single message, not a request: each line or file must be one request, {"messages": [...]} or a list of {role, content}',
    );
  });

  it('a JSONL line that is not JSON quotes V8 without its position suffix', () => {
    const e = parseError(() => countDocument('{"messages": []}\n{"a": tru}\n', 'x.jsonl', deepseek));
    assert.equal(e.line, 2);
    assert.doesNotMatch(e.message, /position \d+/);
  });

  it('with plainTextFallback the whole text is counted as plain text, and the result says why', () => {
    const text = read('bad-line.jsonl');
    const r = countDocument(text, 'bad-line.jsonl', deepseek, { plainTextFallback: true });
    assert.equal(r.format, 'plain');
    assert.equal(r.tokens, c(text));
    assert.equal(r.templateTokens, 0);
    assert.match(r.fallback ?? '', /^bad-line\.jsonl:3: not valid JSON/);
  });

  it('fallback does not hide errors that are not parse errors, and well-formed files carry no fallback', () => {
    const r = countDocument(read('chat.json'), 'chat.json', deepseek, { plainTextFallback: true });
    assert.equal(r.fallback, undefined);
    assert.equal(r.format, 'chat-json');
  });

  it('an invalid role type and a part without text are errors too', () => {
    assert.equal(
      parseError(() => countDocument('[{"role": 3, "content": "x"}]', 'a.json', deepseek)).message,
      'a.json:1: message 1 has an unknown role 3 (expected system, user, assistant, tool or developer)',
    );
    const e = parseError(() =>
      countDocument('{"messages": [\n {"role": "user",\n  "content": [\n   {"type": "text"}]}]}', 'b.json', deepseek),
    );
    assert.equal(e.message, 'b.json:4: message 1: text part 1 has no text');
  });
});

describe('withExactTextCount', () => {
  it('keeps the template estimate on top of an exact text count, and stays an estimate while the template is one', () => {
    const grok = model('grok-4', 'grok-estimate');
    const plain = countDocument('Hello world', 'a.txt', grok);
    const exactPlain = withExactTextCount(plain, 2, 'xAI tokenize-text (exact)');
    assert.equal(exactPlain.tokens, 2);
    assert.equal(exactPlain.exact, true);
    assert.equal(exactPlain.errorBand, undefined);
    const chat = countDocument('Hello world', 'a.txt', grok, { asChatMessage: true });
    const exactChat = withExactTextCount(chat, 2, 'xAI tokenize-text (exact)');
    assert.equal(exactChat.tokens, 2 + chat.templateTokens);
    assert.equal(exactChat.exact, false);
  });
});

describe('JSON line location', () => {
  it('points at the value of a path past escaped quotes, braces in strings and \\u escapes', () => {
    const text =
      '{\n "a": "x\\"}{[\\u0041",\n "messages": [\n  {"role": "user", "content": "ok"},\n\n  {"role": "nobody", "content": "}"}\n ]\n}';
    assert.equal(jsonValueLine(text, ['messages', 1]), 6);
    assert.equal(jsonValueLine(text, ['messages', 0, 'content']), 4);
    assert.equal(jsonValueLine(text, ['missing']), 1);
  });

  it('finds the line of the first offending character of invalid JSON', () => {
    const line = (text: string) => {
      let message = '';
      try {
        JSON.parse(text);
      } catch (e) {
        message = (e as Error).message;
      }
      assert.notEqual(message, '', `${JSON.stringify(text)} must be invalid`);
      return jsonErrorLine(text, message);
    };
    assert.equal(line('[\n  {"role": "user"},\n  {"role": "user",}\n]'), 3);
    assert.equal(line('{"a":\n\n'), 3);
    assert.equal(line('{"a": 1}\n// comment'), 2);
    assert.equal(line('{\n"a": "tab\there"}'), 2);
    assert.equal(line('\n\n[01]'), 3);
    assert.equal(line('[' + '['.repeat(100_000) + '\n'), 1); // too deep for the parser: V8's position, on line 1
  });
});

describe('countDocument: YAML edge cases', () => {
  const ds = model('deepseek-chat', 'deepseek-v3');
  it('an alias bomb is a parse error, not a crash', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`),
      'messages:',
      '  - role: user',
      '    content: hi',
    ].join('\n');
    const e = parseError(() => countDocument(bomb, 'bomb.prompt.yml', ds));
    assert.match(e.message, /^bomb\.prompt\.yml:1: not valid YAML: /);
  });

  it('a .prompt.yml without messages says what it needs', () => {
    assert.equal(
      parseError(() => countDocument('name: x\n', 'x.prompt.yaml', ds)).message,
      'x.prompt.yaml:1: a .prompt.yml file needs a "messages" list of {role, content}',
    );
  });
});
