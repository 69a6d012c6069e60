/** A SentencePiece BPE model as the engine needs it, and the reader of its compact file (dist/vocab/sp-*.spm). */

/** Piece types, numbered as in sentencepiece_model.proto. */
export const PieceType = { normal: 1, unknown: 2, control: 3, userDefined: 4, unused: 5, byte: 6 } as const;

export interface SpModel {
  /** Pieces by id, with "▁" for spaces as in the .model file. */
  readonly pieces: readonly string[];
  /** PieceType by id. */
  readonly types: Uint8Array;
  /** Piece scores by id: the higher score merges first. */
  readonly scores: Float32Array;
  readonly addDummyPrefix: boolean;
  readonly removeExtraWhitespaces: boolean;
  readonly escapeWhitespaces: boolean;
  readonly byteFallback: boolean;
  readonly unkId: number;
  /** Precomputed dense ranks of the scores (0 = highest; -1 or 0xffff: not mergeable); computed when absent. */
  readonly ranks?: ArrayLike<number>;
  /** Precomputed merges (every split of a piece into two pieces); computed from the pieces when absent. */
  readonly pairs?: MergePairs;
}

/** Parallel arrays: pieces left[i] + right[i] concatenate to piece merged[i]. */
export interface MergePairs {
  readonly left: ArrayLike<number>;
  readonly right: ArrayLike<number>;
  readonly merged: ArrayLike<number>;
}

const MAGIC = 'LCSPM01\n';

interface SpmHeader {
  format: number;
  pieceCount: number;
  pairCount: number;
  textBytes: number;
  addDummyPrefix: boolean;
  removeExtraWhitespaces: boolean;
  escapeWhitespaces: boolean;
  byteFallback: boolean;
  unkId: number;
}

const align4 = (n: number) => (n + 3) & ~3;

/** Reads a vocabulary written by scripts/vocab/sp-vocab.mjs; throws on anything malformed. */
export function decodeSpModel(bytes: Uint8Array, name = 'vocabulary'): SpModel {
  const fail = (why: string): never => {
    throw new Error(`SentencePiece ${name} is unreadable (${why}); rebuild it with "npm run build".`);
  };
  const latin1 = new TextDecoder('latin1');
  if (bytes.length < 12 || latin1.decode(bytes.subarray(0, 8)) !== MAGIC) fail('wrong magic');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  let header: SpmHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as SpmHeader;
  } catch {
    return fail('bad header');
  }
  if (header.format !== 1) fail(`format ${String(header.format)}`);
  const n = header.pieceCount;
  let at = align4(12 + headerLength);
  const p = header.pairCount;
  const end = at + n * 4 + align4(n) + 2 * align4(n * 2) + 3 * align4(p * 2) + header.textBytes;
  if (!(n > 0) || end !== bytes.length) fail('size mismatch');
  // Sections are 4-aligned within the file: view them in place when the buffer is aligned, else copy.
  const aligned = bytes.byteOffset % 4 === 0;
  const section = (length: number): [ArrayBufferLike, number] => {
    const from = at;
    at += length;
    if (aligned) return [bytes.buffer, bytes.byteOffset + from];
    return [Uint8Array.prototype.slice.call(bytes, from, from + length).buffer, 0];
  };
  const scores = new Float32Array(...section(n * 4), n);
  const types = new Uint8Array(...section(n), n);
  at = align4(at);
  const lengths = new Uint16Array(...section(n * 2), n);
  at = align4(at);
  const ranks = new Uint16Array(...section(n * 2), n);
  at = align4(at);
  const u16 = () => {
    const a = new Uint16Array(...section(p * 2), p);
    at = align4(at);
    return a;
  };
  const pairs = { left: u16(), right: u16(), merged: u16() };
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(at, at + header.textBytes));
  const pieces = new Array<string>(n);
  let pos = 0;
  for (let id = 0; id < n; id++) pieces[id] = text.slice(pos, (pos += lengths[id]));
  if (pos !== text.length) fail('piece lengths do not add up');
  return {
    pieces,
    types,
    scores,
    addDummyPrefix: header.addDummyPrefix,
    removeExtraWhitespaces: header.removeExtraWhitespaces,
    escapeWhitespaces: header.escapeWhitespaces,
    byteFallback: header.byteFallback,
    unkId: header.unkId,
    ranks,
    pairs,
  };
}
