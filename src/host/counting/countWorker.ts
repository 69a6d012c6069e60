/** Worker thread: counts texts for models with core's tokenizers, off the extension host's main thread. */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { ModelEntry } from '../../core/catalog/types';
import { countDocument } from '../../core/prompt/document';
import type { DocumentCount } from '../../core/prompt/documentCount';
import { sumCounts } from './countProtocol';
import type { CountJob, CountReply } from './countProtocol';
import { errorMessage } from '../../core/format/errorMessage';

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

function countPart(cache: CountCache, text: string, job: CountJob, model: ModelEntry, digest: string): DocumentCount {
  const key = `${model.tokenizer}\u0000${job.fileName ?? ''}\u0000${job.plainTextFallback}\u0000${digest}`;
  const hit = cache.get(key);
  if (hit) return { ...hit, model: model.id };
  const count = countDocument(text, job.fileName, model, { plainTextFallback: job.plainTextFallback });
  cache.set(key, count);
  return count;
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
  port.on('message', (job: CountJob) => {
    let reply: CountReply;
    try {
      reply = run(cache, job);
    } catch (error) {
      reply = { id: job.id, ok: false, error: errorMessage(error) };
    }
    port.postMessage(reply);
  });
}
