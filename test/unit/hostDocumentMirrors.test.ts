import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import type { ModelEntry, TokenizerId } from '../../src/core/catalog/types';
import { TOKENIZER_IDS } from '../../src/core/catalog/validate';
import { countDocument } from '../../src/core/prompt/document';
import type { TextEdit } from '../../src/core/tokenize/incremental';
import { createCountHandler } from '../../src/host/counting/countHandler';
import type { CountJob, CountReply, MirroredDocument } from '../../src/host/counting/countProtocol';
import { DocumentMirrors } from '../../src/host/counting/documentMirrors';

const catalog = defaultCatalog();
const BASE = Array.from({ length: 700 }, (_, i) => `Line ${i}: the model reads 12 345 tokens, café 東京 🙂 <|end|>\n`).join('');
const MB = 1024 * 1024;

/** A catalog model using the tokenizer, or (for families only user-defined models use) a catalog model given it. */
function modelFor(tokenizer: TokenizerId): ModelEntry {
  const model = catalog.models.find((m) => m.tokenizer === tokenizer);
  return model ?? { ...catalog.models[0], id: `custom-${tokenizer}`, tokenizer };
}

/** VS Code's content changes of one event: non-overlapping ranges of the old text, last first, each applied in turn. */
const event = fc
  .array(
    fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 30 }),
      insert: fc
        .array(fc.constantFrom(' ', '\n', '\r\n', '7', '2026', 'é', '東京', '🙂', '<|end|>', '[INST]', 'word', '\t', ''), { maxLength: 4 })
        .map((p) => p.join('')),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((changes) => changes.sort((a, b) => b.at - a.at));

/** Turns the drawn changes into edits that fit `text` (descending, non-overlapping) and the text they leave. */
function applyEvent(text: string, changes: readonly { at: number; remove: number; insert: string }[]): { edits: TextEdit[]; text: string } {
  const edits: TextEdit[] = [];
  let limit = text.length;
  let result = text;
  for (const c of changes) {
    let offset = Math.min(limit, Math.floor(c.at * text.length));
    // Never split a surrogate pair, as VS Code never does.
    if (offset > 0 && offset < text.length && /[\uDC00-\uDFFF]/.test(text[offset])) offset--;
    let end = Math.min(limit, offset + c.remove);
    if (end > offset && end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end--;
    edits.push({ offset, deleteCount: end - offset, insert: c.insert });
    result = result.slice(0, offset) + c.insert + result.slice(end);
    limit = offset;
  }
  return { edits, text: result };
}

function tokensOf(reply: CountReply | undefined, modelId: string): number {
  assert.ok(reply?.ok, `count failed: ${JSON.stringify(reply)}`);
  const count = reply.counts[modelId];
  assert.ok(count, `no count for ${modelId}: ${JSON.stringify(reply.failures)}`);
  return count.tokens;
}

let nextId = 1;
function countJob(model: ModelEntry, document: MirroredDocument, parts: string[] = [], fileName?: string): CountJob {
  return { id: nextId++, parts, models: [model], plainTextFallback: false, document, ...(fileName ? { fileName } : {}) };
}

describe('counting worker: document mirrors kept from edits (the host sends the text once, then only changes)', () => {
  for (const id of TOKENIZER_IDS) {
    it(`${id}: after every event the whole count and a long selection's count equal full counts of the same text`, () => {
      const model = modelFor(id);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(event, fc.boolean()), { minLength: 1, maxLength: 8 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (steps, where) => {
            const handle = createCountHandler();
            let text = BASE;
            let version = 1;
            handle({ type: 'open', key: 'doc', version, text });
            const doc = () => ({ key: 'doc', version, name: 'doc.txt', maxBytes: 5 * MB });
            assert.equal(
              tokensOf(handle({ type: 'count', job: countJob(model, doc()) }), model.id),
              countDocument(text, undefined, model).tokens,
            );
            for (const [changes, countNow] of steps) {
              const next = applyEvent(text, changes);
              text = next.text;
              handle({ type: 'edit', key: 'doc', version: ++version, edits: next.edits });
              // Counting only now and then leaves edits pending in the counter, as a model not shown does.
              if (!countNow) continue;
              assert.equal(
                tokensOf(handle({ type: 'count', job: countJob(model, doc()) }), model.id),
                countDocument(text, undefined, model).tokens,
              );
            }
            assert.equal(
              tokensOf(handle({ type: 'count', job: countJob(model, doc()) }), model.id),
              countDocument(text, undefined, model).tokens,
            );
            const start = Math.floor(where * (text.length / 2));
            const range = [start, start + 20_000] as const;
            const selected = text.slice(...range);
            const reply = handle({ type: 'count', job: countJob(model, { ...doc(), ranges: [range] }, [selected]) });
            assert.equal(tokensOf(reply, model.id), countDocument(selected, undefined, model).tokens, 'selection from the cached blocks');
          },
        ),
        { numRuns: 12 },
      );
    });
  }

  it('keeps the UTF-8 size from the edits, without rescanning', () => {
    const mirrors = new DocumentMirrors();
    mirrors.open('a', 1, 'café');
    fc.assert(
      fc.property(fc.array(event, { maxLength: 10 }), (events) => {
        let text = mirrors.at('a', 1)?.text ?? '';
        let version = 1;
        for (const changes of events) {
          const next = applyEvent(text, changes);
          mirrors.edit('a', ++version, next.edits);
          text = next.text;
        }
        const mirror = mirrors.at('a', version);
        assert.ok(mirror);
        assert.equal(mirror.text, text);
        assert.equal(mirror.bytes, Buffer.byteLength(text, 'utf8'));
        mirrors.open('a', 1, 'café');
      }),
      { numRuns: 200 },
    );
  });

  it('asks for the text again when it has none, an older version, or an edit that did not fit', () => {
    const handle = createCountHandler();
    const model = modelFor('deepseek-v3');
    const doc = { key: 'a', version: 1, name: 'a.txt', maxBytes: MB };
    const reason = (reply: CountReply | undefined) => (reply && !reply.ok ? reply.reason : 'ok');
    assert.equal(reason(handle({ type: 'count', job: countJob(model, doc) })), 'resync', 'never sent');
    handle({ type: 'open', key: 'a', version: 1, text: 'hello world' });
    assert.equal(reason(handle({ type: 'count', job: countJob(model, doc) })), 'ok');
    handle({ type: 'edit', key: 'a', version: 2, edits: [{ offset: 5, deleteCount: 0, insert: ',' }] });
    assert.equal(reason(handle({ type: 'count', job: countJob(model, doc) })), 'resync', 'version 1 is gone');
    assert.equal(reason(handle({ type: 'count', job: countJob(model, { ...doc, version: 2 }) })), 'ok');
    handle({ type: 'edit', key: 'a', version: 3, edits: [{ offset: 50, deleteCount: 1, insert: 'x' }] });
    assert.equal(reason(handle({ type: 'count', job: countJob(model, { ...doc, version: 2 }) })), 'resync', 'a bad edit drops the mirror');
    handle({ type: 'open', key: 'a', version: 3, text: 'again' });
    handle({ type: 'close', key: 'a' });
    assert.equal(reason(handle({ type: 'count', job: countJob(model, { ...doc, version: 3 }) })), 'resync', 'closed');
  });

  it('drops the least recently counted of more than eight documents', () => {
    const mirrors = new DocumentMirrors();
    for (let i = 0; i < 9; i++) mirrors.open(`d${i}`, 1, `text ${i}`);
    assert.equal(mirrors.at('d0', 1), undefined);
    assert.equal(mirrors.at('d1', 1)?.text, 'text 1');
  });

  it('refuses a document over the byte limit or with NUL bytes, with a sentence naming it', () => {
    const handle = createCountHandler();
    const model = modelFor('deepseek-v3');
    handle({ type: 'open', key: 'big', version: 1, text: 'é'.repeat(600) });
    const big = handle({ type: 'count', job: countJob(model, { key: 'big', version: 1, name: 'big.txt', maxBytes: 1000 }) });
    assert.ok(big && !big.ok && big.reason === 'refused');
    assert.match(big.error, /^Not counted: big\.txt is .* over the .* limit of llmCost\.maxFileSizeMB\.$/);
    handle({ type: 'open', key: 'bin', version: 1, text: 'PK\u0003\u0004\u0000\u0000' });
    const bin = handle({ type: 'count', job: countJob(model, { key: 'bin', version: 1, name: 'x.zip', maxBytes: MB }) });
    assert.ok(bin && !bin.ok && bin.reason === 'refused');
    assert.match(bin.error, /x\.zip looks like a binary file/);
  });

  it('counts a mirrored prompt file as a prompt file, per version', () => {
    const handle = createCountHandler();
    const model = modelFor('mistral-tekken');
    const line = (n: number) => JSON.stringify({ messages: [{ role: 'user', content: `question ${n}` }] });
    let text = [line(1), line(2), line(3)].join('\n');
    handle({ type: 'open', key: 'b', version: 1, text });
    const doc = { key: 'b', version: 1, name: 'batch.jsonl', maxBytes: MB };
    const first = handle({ type: 'count', job: countJob(model, doc, [], '/w/batch.jsonl') });
    assert.equal(tokensOf(first, model.id), countDocument(text, '/w/batch.jsonl', model).tokens);
    assert.ok(first?.ok && first.counts[model.id].requests === 3);
    const insert = `\n${line(4)}`;
    handle({ type: 'edit', key: 'b', version: 2, edits: [{ offset: text.length, deleteCount: 0, insert }] });
    text += insert;
    const second = handle({ type: 'count', job: countJob(model, { ...doc, version: 2 }, [], '/w/batch.jsonl') });
    assert.equal(tokensOf(second, model.id), countDocument(text, '/w/batch.jsonl', model).tokens);
    assert.ok(second?.ok && second.counts[model.id].requests === 4);
  });
});
