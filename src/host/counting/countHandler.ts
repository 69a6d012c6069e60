/** What the counting worker does with each request: keeps document mirrors, counts texts and documents for models. */
import { createHash } from 'node:crypto';
import type { ModelEntry } from '../../core/catalog/types';
import { countDocument } from '../../core/prompt/document';
import type { DocumentCount } from '../../core/prompt/documentCount';
import { kindFromName } from '../../core/prompt/parse';
import { countResult } from '../../core/tokenize/count';
import { plainDocumentCount } from '../../core/prompt/documentCount';
import { binaryMessage, looksBinary, tooLargeMessage } from '../../core/format/textLimits';
import { sumCounts } from './countProtocol';
import type { CountJob, CountReply, MirroredDocument, OffsetRange, WorkerRequest } from './countProtocol';
import { DocumentMirrors } from './documentMirrors';
import type { MirroredText } from './documentMirrors';
import { errorMessage } from '../../core/format/errorMessage';

const CACHE_LIMIT = 256;
/** A selection this long in a document whose counter is kept is counted from the counter's blocks (only its two ends anew). */
const RANGE_REUSE_MIN_LENGTH = 16 * 1024;

/** Recent results by tokenizer, file name and text (digest, or document version), so a model switch or a re-selection costs nothing. */
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

/** A job's texts cannot be counted; the message is for the user. */
class Refused extends Error {}

/** countDocument of a text, cached under the job's settings and `textKey` (the text's digest, or a document version). */
function countCached(cache: CountCache, job: CountJob, model: ModelEntry, text: string, textKey: string): DocumentCount {
  const key = `${model.tokenizer}\u0000${job.fileName ?? ''}\u0000${job.plainTextFallback}\u0000${textKey}`;
  const hit = cache.get(key);
  if (hit) return { ...hit, model: model.id };
  const fresh = countDocument(text, job.fileName, model, { plainTextFallback: job.plainTextFallback });
  cache.set(key, fresh);
  return fresh;
}

/** A plain-text count from a token total (an incremental counter's). */
function plainCount(model: ModelEntry, tokens: number, format: 'plain' | 'markdown'): DocumentCount {
  return plainDocumentCount(countResult(model, tokens), format);
}

/** Plain text or Markdown by name; a nameless document is plain unless it may be chat JSON (countDocument sniffs it). */
function plainFormat(text: string, fileName: string | undefined): 'plain' | 'markdown' | undefined {
  const kind = kindFromName(fileName);
  if (kind === 'plain' || kind === 'markdown') return kind;
  return kind === undefined && !/^\s*[[{]/.test(text) ? 'plain' : undefined;
}

/** A whole mirrored document: plain text from its incremental counter, a prompt file parsed whole (cached per version). */
function countMirror(cache: CountCache, mirror: MirroredText, doc: MirroredDocument, job: CountJob, model: ModelEntry): DocumentCount {
  const format = plainFormat(mirror.text, job.fileName);
  if (format) return plainCount(model, mirror.counter(model.tokenizer).tokens, format);
  return countCached(cache, job, model, mirror.text, `doc:${doc.key}@${doc.version}`);
}

interface Reuse {
  readonly mirror: MirroredText;
  readonly range: OffsetRange;
}

function countPart(cache: CountCache, text: string, digest: string, job: CountJob, model: ModelEntry, reuse?: Reuse): DocumentCount {
  const plain = !job.fileName && text.length >= RANGE_REUSE_MIN_LENGTH && plainFormat(text, undefined) === 'plain';
  if (reuse && plain && reuse.mirror.hasCounter(model.tokenizer)) {
    return plainCount(model, reuse.mirror.counter(model.tokenizer).countRange(reuse.range[0], reuse.range[1]), 'plain');
  }
  return countCached(cache, job, model, text, digest);
}

/** The mirror a job needs, checked against the size limit and for binary content; undefined when it must be sent again. */
function mirrorFor(mirrors: DocumentMirrors, doc: MirroredDocument, whole: boolean): MirroredText | undefined {
  const mirror = mirrors.at(doc.key, doc.version);
  if (!mirror || !whole) return mirror;
  if (mirror.bytes > doc.maxBytes) throw new Refused(tooLargeMessage(doc.name, mirror.bytes, doc.maxBytes));
  if (looksBinary(mirror.text)) throw new Refused(binaryMessage(doc.name));
  return mirror;
}

function run(cache: CountCache, mirrors: DocumentMirrors, job: CountJob): CountReply {
  const whole = job.document && job.parts.length === 0 ? job.document : undefined;
  const mirror = job.document && mirrorFor(mirrors, job.document, whole !== undefined);
  if (whole && !mirror) return { id: job.id, ok: false, error: `no mirror of ${whole.key}@${whole.version}`, reason: 'resync' };
  const ranges = job.document?.ranges;
  const digests = job.parts.map((p) => createHash('sha1').update(p).digest('hex'));
  const counts: Record<string, DocumentCount> = {};
  const failures: Record<string, string> = {};
  for (const model of job.models) {
    try {
      if (whole && mirror) counts[model.id] = countMirror(cache, mirror, whole, job, model);
      else {
        const parts = job.parts.length ? job.parts : [''];
        const each = parts.map((p, i) => {
          const range = ranges?.[i];
          return countPart(cache, p, digests[i] ?? '', job, model, mirror && range ? { mirror, range } : undefined);
        });
        counts[model.id] = sumCounts(each);
      }
    } catch (error) {
      failures[model.id] = errorMessage(error);
    }
  }
  return { id: job.id, ok: true, counts, failures };
}

/** A request handler with its own caches and mirrors (shared with the prompt jobs when given): the worker has one; tests make their own. */
export function createCountHandler(mirrors = new DocumentMirrors()): (request: WorkerRequest) => CountReply | undefined {
  const cache = new CountCache();
  return (request) => {
    switch (request.type) {
      case 'open':
        return void mirrors.open(request.key, request.version, request.text);
      case 'edit':
        return void mirrors.edit(request.key, request.version, request.edits);
      case 'close':
        return void mirrors.close(request.key);
      case 'count':
        try {
          return run(cache, mirrors, request.job);
        } catch (error) {
          const refused = error instanceof Refused;
          return { id: request.job.id, ok: false, error: errorMessage(error), ...(refused ? { reason: 'refused' as const } : {}) };
        }
    }
  };
}
