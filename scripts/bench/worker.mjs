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

try {
  ({ encode: encodeJob, tiktoken: tiktokenJob, memory: memoryJob })[job.mode]();
} catch (err) {
  result({ error: err instanceof Error ? err.message : String(err) });
}
