// The hand-written pre-tokenizers split exactly where the patterns' regular expressions split.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  codePointWidth,
  CL100K_PATTERN,
  DEEPSEEK_PATTERNS,
  deepseekScanners,
  O200K_PATTERN,
  scanPieces,
  TEKKEN_PATTERN,
  tiktokenScanner,
  type Scanner,
} from '../../src/core/tokenize/bpe/scanners';
import { compilePattern, forEachPiece } from '../../src/core/tokenize/bpe/split';
import { loadBpeVocab } from '../../src/core/tokenize/bpe/vocab';
import { charClasses, L, LOWERISH, M, N, P, S, UPPERISH, WS, WS_JS } from '../../src/core/tokenize/bpe/charClass';
import { textArbitraries } from '../fixtures/corpus/arbitraries';

const SEED = Number(process.env.PROPERTY_SEED ?? 20261127);

/** Characters that sit on the patterns' class boundaries, plus random code points of every plane. */
const tricky = fc.oneof(
  fc.constantFrom(
    ...Array.from(
      "aZ'sStTdDmMlLrReEvV 1²½٣\t\n\r\u000b\f\u0085\u00a0\u1680\u2028\u3000\ufeff\u200b\u200d" +
        '!/\\-_.,;:()[]{}<>|~`^@#$%&*+=?"ǅʰ々ー・゛ヽ中ぁァ\u0301\u0903\u20dd€©😀',
    ),
  ),
  fc.constantFrom('\ud800', '\udc00', '\udbff\udfff', '\ud83d\ude00', '\u{1d400}', '\u{10ffff}', '\u{e0001}'),
  fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);
const trickyStrings = fc.array(tricky, { maxLength: 40 }).map((parts) => parts.join(''));

function regexPieces(source: string, text: string, keepGaps: boolean): string[] {
  const out: string[] = [];
  forEachPiece(text, compilePattern(source), keepGaps, (s, e) => out.push(text.slice(s, e)));
  return out;
}

function scannerPieces(scan: Scanner, text: string, keepGaps: boolean): string[] {
  const out: string[] = [];
  if (keepGaps) {
    scanPieces(text, 0, text.length, scan, true, (s, e) => out.push(text.slice(s, e)));
    return out;
  }
  for (let p = 0; p < text.length;) {
    const e = scan(text, p, text.length);
    if (e > p) {
      out.push(text.slice(p, e));
      p = e;
    } else {
      p += codePointWidth(text, p, text.length);
    }
  }
  return out;
}

function checkAgreement(name: string, source: string, scan: Scanner, keepGaps: boolean): void {
  const arbitraries = [trickyStrings, ...textArbitraries().map((a) => a.arbitrary)];
  for (const arbitrary of arbitraries) {
    fc.assert(
      fc.property(arbitrary, (text) => {
        assert.deepEqual(scannerPieces(scan, text, keepGaps), regexPieces(source, text, keepGaps), `${name} on ${JSON.stringify(text)}`);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  }
}

describe('bpe scanners agree with the regular expressions', function () {
  this.timeout(120_000);
  for (const [name, source] of [
    ['cl100k', CL100K_PATTERN],
    ['o200k', O200K_PATTERN],
    ['tekken', TEKKEN_PATTERN],
  ] as const) {
    it(`${name}`, () => {
      const scan = tiktokenScanner(source);
      assert.ok(scan, `no scanner for ${name}`);
      checkAgreement(name, source, scan, false);
    });
  }

  it('deepseek: digits, CJK runs and the word pattern (gaps kept)', () => {
    const scanners = deepseekScanners(DEEPSEEK_PATTERNS);
    assert.ok(scanners);
    DEEPSEEK_PATTERNS.forEach((source, i) => checkAgreement(`deepseek[${i}]`, source, scanners[i], true));
  });

  it("the shipped class table agrees with this runtime's RegExp classes", () => {
    const classes = charClasses();
    const tests: [number, RegExp][] = [
      [L, /\p{L}/u],
      [N, /\p{N}/u],
      [M, /\p{M}/u],
      [WS_JS, /\s/u],
      [WS, /\p{White_Space}/u],
      [UPPERISH, /[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]/u],
      [LOWERISH, /[\p{Ll}\p{Lm}\p{Lo}\p{M}]/u],
      [P, /\p{P}/u],
      [S, /\p{S}/u],
    ];
    let checked = 0;
    for (let cp = 0; cp < 0x110000; cp += cp < 0x10000 ? 1 : 7) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const expected = tests.reduce((f, [flag, re]) => (re.test(ch) ? f | flag : f), 0);
      const actual = cp < 0x10000 ? classes.bmp[cp] : classes.astralFlags(cp);
      if (actual !== expected) assert.fail(`U+${cp.toString(16)}: table ${actual}, RegExp ${expected}`);
      checked++;
    }
    assert.ok(checked > 200_000);
  });

  it('the vocabularies carry exactly the patterns the scanners implement', () => {
    assert.equal(loadBpeVocab('cl100k').header.patterns[0], CL100K_PATTERN);
    assert.equal(loadBpeVocab('o200k').header.patterns[0], O200K_PATTERN);
    assert.equal(loadBpeVocab('tekken').header.patterns[0], TEKKEN_PATTERN);
    assert.deepEqual(loadBpeVocab('deepseek-v3').header.patterns, DEEPSEEK_PATTERNS);
  });
});
