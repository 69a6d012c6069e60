// Differential proof of incremental counting: after every random edit, the kept count equals a full count.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TOKENIZER_IDS } from '../../src/core/catalog/validate';
import { IncrementalCounter, type TextEdit } from '../../src/core/tokenize/incremental';
import { getTokenizer } from '../../src/core/tokenize/registry';
import { PROPERTY_SEED } from '../fixtures/corpus/differential';

/** Edit sequences per family (INCREMENTAL_RUNS overrides). */
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 1000);

/** Whitespace, newlines, digits, CJK, emoji (and lone halves), marks, special-token lookalikes, cut-rule edges. */
const FRAGMENTS = [
  ' ',
  '  ',
  '   ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  ' \n ',
  '\u00a0',
  '\u3000',
  '\u2028',
  'a',
  'x',
  'Hello',
  'world',
  'getValue',
  'ABC',
  'aB',
  'Ǆ',
  'ß',
  'Привет',
  'مرحبا',
  'é',
  'e\u0301',
  "'s",
  "'ll",
  "'",
  '1',
  '42',
  '123456',
  '½',
  '٣',
  '中文',
  '日本語',
  'ー・',
  'カタカナ',
  '한국어',
  '。',
  '，',
  '\n中',
  '的',
  '😀中',
  '😀',
  '👍🏽',
  '𝐀𝐁',
  '\ud83d',
  '\ude00',
  "don't",
  'a.b',
  'x=1;',
  '"key":',
  '<think>',
  '<|EOT|>',
  'x<|EOT|>',
  'f(a,b)',
  '-',
  '.',
  ',',
  '!',
  '/',
  '{',
  '}',
  '(x)',
  ' => ',
  '\\',
  '<|endoftext|>',
  '<s>',
  '</s>',
  '[INST]',
  '[/INST]',
  '[REF]',
  '[REFERENCE_DOC_1]',
  '▁',
  '▁▁',
  '<｜User｜>',
  '<｜begin▁of▁sentence｜>',
  '<｜place▁holder▁no▁7｜>',
];

/** Half the fragments are words and spaces, so that the cut rules (after a letter or digit) apply often. */
const fragment = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom('a', 'Hello', 'x1', '中文', ' ', ' ', '\n', '\t'));
const textOf = (maxFragments: number) => fc.array(fragment, { maxLength: maxFragments }).map((parts) => parts.join(''));

/** Raw edits: positions are reduced modulo the text length when applied, so they can split surrogate pairs. */
const rawEdit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: textOf(3) });
const scenario = fc.record({
  text: textOf(24),
  minBlock: fc.integer({ min: 1, max: 8 }),
  events: fc.array(fc.record({ edits: fc.array(rawEdit, { minLength: 1, maxLength: 3 }), range: fc.tuple(fc.nat(), fc.nat()) }), {
    minLength: 1,
    maxLength: 6,
  }),
});

/** The edits of one event made valid for `text`, each relative to the text the previous one leaves; and that text. */
function concreteEdits(text: string, raw: readonly { at: number; remove: number; insert: string }[]): [TextEdit[], string] {
  const edits: TextEdit[] = [];
  for (const { at, remove, insert } of raw) {
    const offset = at % (text.length + 1);
    const deleteCount = Math.min(remove, text.length - offset);
    edits.push({ offset, deleteCount, insert });
    text = text.slice(0, offset) + insert + text.slice(offset + deleteCount);
  }
  return [edits, text];
}

const show = (s: string) => JSON.stringify(s);

// Every tokenizer id the catalog accepts, so a new family cannot skip the proof.
for (const id of TOKENIZER_IDS) {
  describe(`property: incremental ${id} count equals a full count after every edit`, () => {
    it(`${RUNS} random edit sequences (seed ${PROPERTY_SEED})`, () => {
      const tokenizer = getTokenizer(id);
      assert.ok(tokenizer.cuts, `${id} has no cut rule: the property would only exercise the full-count fallback`);
      let cutSteps = 0;
      let steps = 0;
      fc.assert(
        fc.property(scenario, ({ text, minBlock, events }) => {
          const counter = new IncrementalCounter(tokenizer, text, { minBlock });
          let expected = text;
          for (const { edits: raw, range } of events) {
            const [edits, next] = concreteEdits(expected, raw);
            counter.apply(edits);
            expected = next;
            steps++;
            if (counter.blockCount > 1) cutSteps++;
            assert.equal(counter.text, expected);
            const full = tokenizer.count(expected);
            if (counter.tokens !== full) {
              throw new Error(`count ${counter.tokens} ≠ full ${full} after ${JSON.stringify(edits)} giving ${show(expected)}`);
            }
            const start = range[0] % (expected.length + 1);
            const end = start + (range[1] % (expected.length - start + 1));
            const slice = tokenizer.count(expected.slice(start, end));
            const ranged = counter.countRange(start, end);
            if (ranged !== slice) throw new Error(`countRange(${start}, ${end}) ${ranged} ≠ ${slice} in ${show(expected)}`);
          }
        }),
        { seed: PROPERTY_SEED, numRuns: RUNS },
      );
      // Honest only if the texts were really held in several blocks often (the rest are short or uncuttable texts).
      console.log(`      ${cutSteps} of ${steps} steps held the text in more than one block`);
      assert.ok(cutSteps > steps / 3, `only ${cutSteps} of ${steps} steps had more than one block`);
    });
  });
}
