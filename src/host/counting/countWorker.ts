/** Worker thread: counts texts for models with core's tokenizers, off the extension host's main thread. */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { ModelEntry } from '../../core/catalog/types';
import { countDocument } from '../../core/prompt/document';
import type { DocumentCount } from '../../core/prompt/documentCount';
import { kindFromName } from '../../core/prompt/parse';
import { describeTokenizer, getTokenizer } from '../../core/tokenize/registry';
import { sumCounts } from './countProtocol';
import { DocumentCounters } from './documentCounters';
import type { CountJob, CountReply } from './countProtocol';
import { errorMessage } from '../../core/format/errorMessage';
import { isPromptJob } from './promptJob';
import type { PromptJob } from './promptJob';
import { PromptWorker } from './promptWorker';

const CACHE_LIMIT = 256;

/** Recent results by tokenizer, file name and text digest, so a model switch or a re-selection costs nothing. */
class CountCache {
  private readonly entries = new Map<string, DocumentCount>();

  get(key: string): DocumentCount | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: DocumentCount): void {
    this.entries.set(key, value);
    if (this.entries.size > CACHE_LIMIT) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Documents this long are kept as incremental counts; shorter ones are counted whole (a few ms at most). */
const INCREMENTAL_MIN_LENGTH = 32 * 1024;

function countPart(cache: CountCache, text: string, job: CountJob, model: ModelEntry, digest: string): DocumentCount {
  const key = `${model.tokenizer}\u0000${job.fileName ?? ''}\u0000${job.plainTextFallback}\u0000${digest}`;
  const hit = cache.get(key);
  if (hit) return { ...hit, model: model.id };
  const count =
    incrementalCount(text, job, model) ?? countDocument(text, job.fileName, model, { plainTextFallback: job.plainTextFallback });
  cache.set(key, count);
  return count;
}

const documents = new DocumentCounters();

/**
 * A long plain-text or Markdown document's count, kept per document and updated from the previous version; prompt
 * files (their format needs the whole text parsed) and selections are counted whole.
 */
function incrementalCount(text: string, job: CountJob, model: ModelEntry): DocumentCount | undefined {
  const kind = kindFromName(job.fileName);
  if (!job.documentKey || job.parts.length !== 1 || text.length < INCREMENTAL_MIN_LENGTH) return undefined;
  if (kind !== 'plain' && kind !== 'markdown') return undefined;
  const { label, errorBand } = describeTokenizer(model.tokenizer);
  const exact = getTokenizer(model.tokenizer).exact;
  return {
    model: model.id,
    tokenizer: model.tokenizer,
    tokens: documents.count(job.documentKey, model.tokenizer, text),
    exact,
    label,
    ...(errorBand && !exact ? { errorBand } : {}),
    format: kind,
    requests: 0,
    messages: 0,
    templateTokens: 0,
    templateExact: true,
  };
}

function run(cache: CountCache, job: CountJob): CountReply {
  const digests = job.parts.map((p) => createHash('sha1').update(p).digest('hex'));
  const counts: Record<string, DocumentCount> = {};
  const failures: Record<string, string> = {};
  for (const model of job.models) {
    try {
      counts[model.id] = sumCounts(
        job.parts.length ? job.parts.map((p, i) => countPart(cache, p, job, model, digests[i])) : [countPart(cache, '', job, model, '')],
      );
    } catch (error) {
      failures[model.id] = errorMessage(error);
    }
  }
  return { id: job.id, ok: true, counts, failures };
}

const port = parentPort;
if (port) {
  const cache = new CountCache();
  const prompts = new PromptWorker();
  port.on('message', (job: CountJob | PromptJob) => {
    if (isPromptJob(job)) return port.postMessage(prompts.run(job));
    let reply: CountReply;
    try {
      reply = run(cache, job);
    } catch (error) {
      reply = { id: job.id, ok: false, error: errorMessage(error) };
    }
    port.postMessage(reply);
  });
}
