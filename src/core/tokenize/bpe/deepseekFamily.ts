/** DeepSeek V3 byte-level BPE: added tokens matched in text, the tokenizer.json Split sequence, HF merge ranks. */
import type { Tokenizer } from '../types';
import { PieceEncoder } from './pieceEncoder';
import { deepseekScanners, scanPieces } from './scanners';
import { compilePattern, forEachPiece } from './split';
import { loadBpeVocab } from './vocab';
import { warmUp } from './warmUp';
import { tokenizerFrom } from './counting';
import { addedTokensAllowCuts, cutCharsInside, wordEndCuts } from './blockCuts';

/** A DeepSeek tokenizer that also names its added (control) tokens. */
export interface DeepSeekTokenizer extends Tokenizer {
  /** The id of the added token whose text is exactly `text`, else undefined. */
  addedTokenId(text: string): number | undefined;
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  id: number;
}

/** Leftmost-longest matching of added-token texts, by UTF-16 code unit (as tokenizers.js's DictionarySplitter). */
class AddedTokenSplitter {
  private readonly root: TrieNode = { next: new Map(), id: -1 };
  /** 1 for each UTF-16 unit that begins some added token. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(entries: readonly (readonly [string, number, ...unknown[]])[]) {
    for (const [content, id] of entries) {
      let node = this.root;
      if (content.length > 0) this.starts[content.charCodeAt(0)] = 1;
      for (let i = 0; i < content.length; i++) {
        const c = content.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) {
          child = { next: new Map(), id: -1 };
          node.next.set(c, child);
        }
        node = child;
      }
      node.id = id;
    }
  }

  /** Calls onText for each stretch of text[from, to) between added tokens and onToken for each added token, in order. */
  split(text: string, from: number, to: number, onText: (start: number, end: number) => void, onToken: (id: number) => void): void {
    const root = this.root.next;
    let start = from;
    const starts = this.starts;
    for (let i = from; i < to;) {
      if (starts[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      let node = root.get(text.charCodeAt(i));
      let matchId = -1;
      let matchEnd = i;
      for (let j = i + 1; node; j++) {
        if (node.id >= 0) {
          matchId = node.id;
          matchEnd = j;
        }
        if (j >= to) break;
        node = node.next.get(text.charCodeAt(j));
      }
      if (matchId < 0) {
        i++;
        continue;
      }
      if (i > start) onText(start, i);
      onToken(matchId);
      start = i = matchEnd;
    }
    if (start < to) onText(start, to);
  }
}

/** Loads dist/vocab/deepseek-v3.bpe. */
export function loadDeepSeek(): DeepSeekTokenizer {
  const vocab = loadBpeVocab('deepseek-v3');
  const { header } = vocab;
  if (header.kind !== 'merges' || !header.added || header.patterns.length === 0) {
    throw new Error('deepseek-v3.bpe is not a merges vocabulary with added tokens; rebuild with "npm run build".');
  }
  const splits = header.patterns.map(compilePattern);
  const pieces = new PieceEncoder(vocab);
  const addedIds = new Map(header.added.map(([content, id]) => [content, id]));
  // Added tokens not marked normalized are matched in the raw text first, the others in what remains.
  const raw = new AddedTokenSplitter(header.added.filter(([, , normalized]) => !normalized));
  const normalized = new AddedTokenSplitter(header.added.filter(([, , n]) => n));

  const scanners = deepseekScanners(header.patterns);
  /** Pre-tokenizes and encodes text[start, end) as one string of its own (the split patterns see nothing beyond it). */
  const encodeText = (text: string, start: number, end: number, out: number[] | null): number => {
    let count = 0;
    const encodePiece = (a: number, b: number) => {
      count += pieces.encode(text, a, b, out);
    };
    if (scanners) {
      const [digits, cjk, main] = scanners;
      const words = (s: number, e: number) => scanPieces(text, s, e, main, true, encodePiece);
      const scripts = (s: number, e: number) => scanPieces(text, s, e, cjk, true, words);
      scanPieces(text, start, end, digits, true, scripts);
    } else {
      const section = start === 0 && end === text.length ? text : text.slice(start, end);
      const splitWithRegex = (s: string, level: number): void => {
        const last = level === splits.length - 1;
        forEachPiece(s, splits[level], true, (a, b) => {
          if (last) count += pieces.encode(s, a, b, out);
          else splitWithRegex(a === 0 && b === s.length ? s : s.slice(a, b), level + 1);
        });
      };
      splitWithRegex(section, 0);
    }
    return count;
  };

  const encodeInto = (text: string, out: number[] | null): number => {
    let count = 0;
    const addToken = (id: number) => {
      out?.push(id);
      count++;
    };
    raw.split(
      text,
      0,
      text.length,
      (start, end) => {
        normalized.split(
          text,
          start,
          end,
          (s, e) => {
            count += encodeText(text, s, e, out);
          },
          addToken,
        );
      },
      addToken,
    );
    return count;
  };

  // The cut rule is proven for the known patterns and added tokens it cannot cut only (blockCuts.ts).
  const addedContents = header.added.map(([content]) => content);
  const cuts = wordEndCuts((text) => encodeInto(text, null), cutCharsInside(addedContents));
  const cuttable = scanners !== undefined && addedTokensAllowCuts(addedContents, cuts);
  const tokenizer = tokenizerFrom('deepseek-v3', true, encodeInto, cuttable ? cuts : undefined);
  warmUp((text) => tokenizer.count(text));
  pieces.clearCache();
  return { ...tokenizer, addedTokenId: (text) => addedIds.get(text) };
}
