// One benchmark measurement in a fresh process (so every text is new to it and nothing is warm).
// argv[2] is a JSON job; prints "START" when the timed part begins and "RESULT <json>" at the end.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { makeText } from './texts.mjs';

const require = createRequire(import.meta.url);
const job = JSON.parse(process.argv[2]);
const say = (line) => process.stdout.write(line + '\n');
const result = (r) => say('RESULT ' + JSON.stringify(r));
const MIXED_SAMPLE_SEED = 99;

function timed(fn) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

function encodeJob() {
  const { value: registry, ms: requireMs } = timed(() => require(job.bundle));
  const {
    value: tokenizer,
    ms: loadMs,
    cpuMs: loadCpuMs,
  } = timed(() => {
    const t = registry.getTokenizer(job.family);
    t.count('x');
    return t;
  });
  const text = makeText(job.kind, job.seed);
  say('START');
  const { value: tokens, ms, cpuMs } = timed(() => tokenizer.count(text));
  result({ requireMs, loadMs, loadCpuMs, ms, cpuMs, tokens, bytes: Buffer.byteLength(text), exact: tokenizer.exact });
}

function tiktokenJob() {
  const { Tiktoken } = require('js-tiktoken/lite');
  const ranks = require('js-tiktoken/ranks/cl100k_base');
  const { value: enc, ms: loadMs } = timed(() => new Tiktoken(ranks.default ?? ranks));
  let text = makeText(job.kind, job.seed);
  if (job.sliceBytes) text = text.slice(0, job.sliceBytes);
  say('START');
  const { value: ids, ms, cpuMs } = timed(() => enc.encode(text, [], []));
  result({ loadMs, ms, cpuMs, tokens: ids.length, bytes: Buffer.byteLength(text) });
}

function memoryJob() {
  const before = process.memoryUsage().rss;
  const registry = require(job.bundle);
  const sample = ['english', 'code', 'chinese'].map((k) => makeText(k, MIXED_SAMPLE_SEED).slice(0, 64 * 1024)).join('\n');
  const counts = {};
  const failed = {};
  for (const family of job.families) {
    try {
      counts[family] = registry.getTokenizer(family).count(sample);
    } catch (err) {
      failed[family] = err instanceof Error ? err.message : String(err);
    }
  }
  globalThis.gc?.();
  result({ baselineRss: before, rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024, counts, failed });
}

/** Incremental counting on a 2 MB document (1 MB prose + 1 MB code): one-character edits and 100 KB selections. */
function incrementalJob() {
  const registry = require(job.bundle);
  const tokenizer = registry.getTokenizer(job.family);
  tokenizer.count('x');
  const text = makeText('english', job.seed) + '\n' + makeText('code', job.seed);
  say('START');
  const full = timed(() => tokenizer.count(text));
  const build = timed(() => new registry.IncrementalCounter(tokenizer, text));
  const counter = build.value;
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const editMs = [];
  let length = text.length;
  for (let i = 0; i < job.edits; i++) {
    // Typing then backspace at random places: an insertion, then the deletion of that character.
    const at = Math.floor(random() * length);
    const edit = i % 2 === 0 ? { offset: at, deleteCount: 0, insert: 'x' } : { offset: at, deleteCount: 1, insert: '' };
    editMs.push(
      timed(() => {
        counter.apply([edit]);
        return counter.tokens;
      }).ms,
    );
    length += i % 2 === 0 ? 1 : -1;
  }
  const current = counter.text;
  const rangeMs = [];
  const sliceMs = [];
  for (let i = 0; i < job.selections; i++) {
    const start = Math.floor(random() * (length - job.selectionChars));
    const end = start + job.selectionChars;
    const ranged = timed(() => counter.countRange(start, end));
    const sliced = timed(() => tokenizer.count(current.slice(start, end)));
    if (ranged.value !== sliced.value) throw new Error(`countRange ${ranged.value} ≠ ${sliced.value} at ${start}`);
    rangeMs.push(ranged.ms);
    sliceMs.push(sliced.ms);
  }
  const agrees = counter.tokens === tokenizer.count(current);
  result({
    fullMs: full.ms,
    buildMs: build.ms,
    blocks: counter.blockCount,
    editMs,
    rangeMs,
    sliceMs,
    agrees,
    bytes: Buffer.byteLength(text),
  });
}

try {
  ({ encode: encodeJob, tiktoken: tiktokenJob, memory: memoryJob, incremental: incrementalJob })[job.mode]();
} catch (err) {
  result({ error: err instanceof Error ? err.message : String(err) });
}
