/** Reads a compact byte-level BPE vocabulary (dist/vocab/*.bpe, written by scripts/vocab/bpe-vocab.mjs). */
import { readFileSync } from 'node:fs';
import { vocabFile } from '../vocabPath';

export interface BpeHeader {
  readonly format: number;
  /** 'ranks': tiktoken semantics (any two parts whose bytes form a token merge, by that token's rank). 'merges': HF merge list. */
  readonly kind: 'ranks' | 'merges';
  readonly patterns: readonly string[];
  readonly idOffset: number;
  readonly tokenCount: number;
  readonly totalBytes: number;
  readonly mergeCount: number;
  /** merges kind: merge of rank r yields token id mergeResultBase + r. */
  readonly mergeResultBase?: number;
  /** merges kind: [content, id, normalized] of each added token. */
  readonly added?: readonly (readonly [string, number, boolean])[];
  readonly source: string;
}

/** Token bytes by id, lookup tables, and the family's patterns. */
export interface BpeVocab {
  readonly header: BpeHeader;
  readonly offsets: Uint32Array;
  readonly bytes: Uint8Array;
  readonly maxTokenLength: number;
  /** Token id of each single byte. */
  readonly byteIds: Int32Array;
  /** ranks kind: open-addressed table of token id + 1 by byte hash (0 = empty). */
  readonly table: Int32Array;
  /** merges kind: open-addressed pair table; pairLeft = -1 marks an empty slot; pairRank holds the merge rank. */
  readonly pairLeft: Int32Array;
  readonly pairRight: Int32Array;
  readonly pairRank: Int32Array;
}

const MAGIC = 'LCBPE01\n';

/** FNV-1a over bytes[start, end), as a signed 32-bit integer (mask it to index a table). */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h;
}

/** Hash slot of a merge pair. */
export function hashPair(left: number, right: number): number {
  return Math.imul(left, 0x9e3779b1) ^ Math.imul(right + 0x7f4a7c15, 0x85ebca6b);
}

function tableSize(count: number): number {
  let size = 1;
  while (size < count * 2.5) size <<= 1;
  return size;
}

/** Loads dist/vocab/<name>.bpe and builds its lookup tables. */
export function loadBpeVocab(name: string): BpeVocab {
  const file = readFileSync(vocabFile(`${name}.bpe`));
  if (file.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${name}.bpe is not a BPE vocabulary; rebuild with "npm run build".`);
  const headLength = file.readUInt32LE(8);
  const header = JSON.parse(file.toString('utf8', 12, 12 + headLength)) as BpeHeader;
  const align = (n: number) => n + ((4 - (n % 4)) % 4);
  let at = align(12 + headLength);
  const buffer = file.buffer;
  const lengths = new Uint16Array(buffer.slice(file.byteOffset + at, file.byteOffset + at + header.tokenCount * 2));
  at = align(at + header.tokenCount * 2);
  const bytes = new Uint8Array(buffer.slice(file.byteOffset + at, file.byteOffset + at + header.totalBytes));
  at = align(at + header.totalBytes);

  const offsets = new Uint32Array(header.tokenCount + 1);
  let maxTokenLength = 0;
  for (let id = 0; id < header.tokenCount; id++) {
    offsets[id + 1] = offsets[id] + lengths[id];
    if (lengths[id] > maxTokenLength) maxTokenLength = lengths[id];
  }
  const byteIds = new Int32Array(256).fill(-1);
  for (let id = 0; id < header.tokenCount; id++) if (lengths[id] === 1) byteIds[bytes[offsets[id]]] = id;
  if (byteIds.includes(-1)) throw new Error(`${name}.bpe lacks a token for some single byte.`);

  let table = new Int32Array(0);
  let pairLeft = new Int32Array(0);
  let pairRight = new Int32Array(0);
  let pairRank = new Int32Array(0);
  if (header.kind === 'ranks') {
    table = new Int32Array(tableSize(header.tokenCount));
    const mask = table.length - 1;
    for (let id = 0; id < header.tokenCount; id++) {
      if (lengths[id] === 0) continue;
      let slot = hashBytes(bytes, offsets[id], offsets[id + 1]) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
  } else {
    const merges = new Uint32Array(buffer.slice(file.byteOffset + at, file.byteOffset + at + header.mergeCount * 8));
    const size = tableSize(header.mergeCount);
    pairLeft = new Int32Array(size).fill(-1);
    pairRight = new Int32Array(size);
    pairRank = new Int32Array(size);
    const mask = size - 1;
    for (let rank = 0; rank < header.mergeCount; rank++) {
      const left = merges[2 * rank];
      const right = merges[2 * rank + 1];
      let slot = hashPair(left, right) & mask;
      while (pairLeft[slot] !== -1) slot = (slot + 1) & mask;
      pairLeft[slot] = left;
      pairRight[slot] = right;
      pairRank[slot] = rank;
    }
  }
  return { header, offsets, bytes, maxTokenLength, byteIds, table, pairLeft, pairRight, pairRank };
}
