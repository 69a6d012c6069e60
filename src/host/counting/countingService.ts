/** Counts subjects for models in a worker thread, superseding stale requests; optional exact Grok counts via xAI. */
import * as vscode from '../vscodeApi';
import type { ModelEntry } from '../../core/catalog/types';
import { findModel } from '../../core/catalog/catalog';
import type { DocumentCount } from '../../core/prompt/documentCount';
import type { ConfigService } from '../config/configService';
import type { CountJob, CountReply } from './countProtocol';
import { CountWorkerClient } from './countWorkerClient';
import { DocumentSync } from './documentSync';
import { Disposable } from '../dispose';
import type { DocumentSource, Subject } from '../subject/subject';
import type { XaiExactCounter } from './xaiCounter';
import { isPromptJob, isPromptReply } from './promptJob';
import type { PromptDetails, PromptJob, PromptReply } from './promptJob';

/**
 * Text this long (UTF-16 units, several seconds of counting) is worth killing the worker for when its job is cancelled.
 * Below it the job finishes: a respawned worker reloads its vocabularies (100–150 ms) and loses its caches, which cost
 * more than the rest of a count of a few MB, and typing in a 2 MB file cancelled a count at every pause.
 */
const KILL_THRESHOLD = 8_000_000;

/** A subject that cannot be counted (binary, too large, malformed prompt file): the message is for the user. */
export class CountError extends Error {
  override readonly name = 'CountError';
}

interface Queued {
  readonly job: CountJob | PromptJob;
  /** The open document the job counts whole (from the worker's mirror) or selects from. */
  readonly source?: DocumentSource;
  /** UTF-16 length counted. */
  readonly size: number;
  readonly resolve: (reply: CountReply | PromptReply) => void;
  readonly reject: (error: Error) => void;
}

interface Ticket {
  cancelled: boolean;
  cancel(): void;
}

export interface CountingDeps {
  readonly workerPath: string;
  readonly config: ConfigService;
  readonly xai: XaiExactCounter;
  readonly log: vscode.LogOutputChannel;
}

export class CountingService extends Disposable {
  private readonly busyChanged = this.register(new vscode.EventEmitter<boolean>());
  readonly onDidChangeBusy: vscode.Event<boolean> = this.busyChanged.event;
  private readonly client: CountWorkerClient;
  private readonly sync: DocumentSync;
  private readonly queue: Queued[] = [];
  private readonly channels = new Map<string, Ticket>();
  private readonly loggedFailures = new Set<string>();
  private inFlight: Queued | undefined;
  private active = 0;
  private nextId = 1;

  constructor(private readonly deps: CountingDeps) {
    super();
    this.client = this.register(new CountWorkerClient(deps.workerPath, deps.log));
    this.sync = this.register(new DocumentSync(this.client));
  }

  /** True while any request is queued, in the worker, or waiting for xAI. */
  isBusy(): boolean {
    return this.active > 0;
  }

  /**
   * Counts the subject for each model id (keys of the result are the ids as given). A newer request on the same
   * channel supersedes this one, which then rejects with vscode.CancellationError, as it does when `token` fires.
   */
  async count(
    subject: Subject,
    modelIds: readonly string[],
    token?: vscode.CancellationToken,
    channel = 'default',
  ): Promise<ReadonlyMap<string, DocumentCount>> {
    if (subject.problem) throw new CountError(subject.problem);
    const { catalog, settings } = this.deps.config.current();
    const wanted = new Map<string, ModelEntry>();
    for (const id of modelIds) {
      const model = findModel(catalog, id);
      if (model) wanted.set(id, model);
      else this.logOnce(`Unknown model "${id}" was not counted.`);
    }
    const ticket = this.supersede(channel);
    const cancellation = token?.onCancellationRequested(() => ticket.cancel());
    if (token?.isCancellationRequested) ticket.cancel();
    this.setActive(+1);
    try {
      const models = [...new Map([...wanted.values()].map((m) => [m.id, m])).values()];
      const job: CountJob = {
        id: this.nextId++,
        parts: subject.parts ?? [],
        ...(subject.fileName ? { fileName: subject.fileName } : {}),
        models,
        plainTextFallback: settings.plainTextFallback,
      };
      const reply = await this.enqueue({ job, size: subject.length, ...(subject.document ? { source: subject.document } : {}) }, ticket);
      if (isPromptReply(reply)) throw new Error('Counting failed: the worker answered another job');
      if (!reply.ok && reply.reason === 'refused') throw new CountError(reply.error);
      if (!reply.ok) throw new Error(`Counting failed: ${reply.error}`);
      const failures = Object.entries(reply.failures);
      if (models.length > 0 && failures.length === models.length) throw new CountError(failures[0][1]);
      for (const [id, message] of failures) this.logOnce(`${id} could not be counted: ${message}`);
      const result = new Map<string, DocumentCount>();
      for (const [id, model] of wanted) {
        const count = reply.counts[model.id];
        if (count) result.set(id, count);
      }
      if (settings.xaiExactCounts) await this.deps.xai.refine(result, subject, wanted, settings.xaiBaseUrl, () => ticket.cancelled);
      if (ticket.cancelled) throw new vscode.CancellationError();
      return result;
    } finally {
      cancellation?.dispose();
      if (this.channels.get(channel) === ticket) this.channels.delete(channel);
      this.setActive(-1);
    }
  }

  /**
   * What an open prompt file declares (no `model`), or its per-message breakdown for `model`, computed in the worker
   * from its mirror of the document (no copy of the text here). A newer request on the same channel supersedes this
   * one, which then rejects with vscode.CancellationError, as it does when `token` fires.
   */
  async prompt(
    source: DocumentSource,
    fileName: string,
    model: ModelEntry | undefined,
    token: vscode.CancellationToken | undefined,
    channel: string,
  ): Promise<PromptDetails> {
    const ticket = this.supersede(channel);
    const cancellation = token?.onCancellationRequested(() => ticket.cancel());
    if (token?.isCancellationRequested) ticket.cancel();
    this.setActive(+1);
    try {
      const { document, version, name, maxBytes } = source;
      const job: PromptJob = {
        kind: 'prompt',
        id: this.nextId++,
        fileName,
        document: { key: document.uri.toString(), version, name, maxBytes },
        ...(model ? { model } : {}),
      };
      const reply = await this.enqueue({ job, size: 0, source }, ticket);
      if (!isPromptReply(reply)) throw new Error('Counting failed: the worker answered another job');
      if (!reply.ok) throw new Error(`Counting failed: ${reply.error}`);
      if (ticket.cancelled) throw new vscode.CancellationError();
      return reply.details;
    } finally {
      cancellation?.dispose();
      if (this.channels.get(channel) === ticket) this.channels.delete(channel);
      this.setActive(-1);
    }
  }

  /** Whole document texts sent to the worker so far (once per document, and again only if the worker lost it). */
  documentTextsSent(): number {
    return this.sync.textsSent();
  }

  /** Loads the models' vocabularies in the worker (an empty count) so the first real count does not wait for them. */
  async warm(modelIds: readonly string[]): Promise<void> {
    const { catalog } = this.deps.config.current();
    const models = modelIds.map((id) => findModel(catalog, id)).filter((m): m is ModelEntry => m !== undefined);
    if (models.length === 0) return;
    const ticket = this.supersede('warmUp');
    this.setActive(+1);
    try {
      await this.enqueue({ job: { id: this.nextId++, parts: [''], models, plainTextFallback: true }, size: 0 }, ticket);
    } catch {
      // Warming is best effort: a real count reports its own errors.
    } finally {
      this.setActive(-1);
    }
  }

  private supersede(channel: string): Ticket {
    this.channels.get(channel)?.cancel();
    const ticket: Ticket = {
      cancelled: false,
      cancel: () => {
        ticket.cancelled = true;
      },
    };
    this.channels.set(channel, ticket);
    return ticket;
  }

  private enqueue(request: Omit<Queued, 'resolve' | 'reject'>, ticket: Ticket): Promise<CountReply | PromptReply> {
    if (ticket.cancelled) return Promise.reject(new vscode.CancellationError());
    return new Promise<CountReply | PromptReply>((resolve, reject) => {
      const entry: Queued = { ...request, resolve, reject };
      this.queue.push(entry);
      ticket.cancel = () => {
        ticket.cancelled = true;
        const index = this.queue.indexOf(entry);
        if (index >= 0) this.queue.splice(index, 1);
        else if (this.inFlight === entry && entry.size >= KILL_THRESHOLD) this.client.kill();
        reject(new vscode.CancellationError());
      };
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || this.isDisposed) return;
    const entry = this.queue.shift();
    if (!entry) return;
    this.inFlight = entry;
    this.execute(entry)
      .then(entry.resolve, entry.reject)
      .finally(() => {
        if (this.inFlight === entry) this.inFlight = undefined;
        this.pump();
      });
  }

  /**
   * Runs a job. A whole document is counted from the worker's mirror at the document's current version (the edits
   * reached the worker as they happened); its text is sent only when the worker has none, or lost it.
   */
  private async execute(entry: Queued): Promise<CountReply | PromptReply> {
    const source = entry.source;
    const countJob = entry.job;
    if (isPromptJob(countJob)) return this.executePrompt(countJob, source);
    if (!source) return this.client.run(countJob);
    const { document, name, maxBytes } = source;
    const key = document.uri.toString();
    if (countJob.parts.length > 0) {
      const ranges = source.ranges ?? [];
      return this.client.run({ ...countJob, document: { key, version: source.version, name, maxBytes, ranges } });
    }
    if (document.isClosed) throw new vscode.CancellationError();
    if (!this.sync.has(document)) this.sync.send(document);
    const job = (): CountJob => ({ ...countJob, id: this.nextId++, document: { key, version: document.version, name, maxBytes } });
    const reply = await this.client.run(job());
    if (reply.ok || reply.reason !== 'resync') return reply;
    this.sync.send(document);
    return this.client.run(job());
  }

  /** Runs a prompt job on the worker's mirror of the document at its current version, sending the text when it has none. */
  private async executePrompt(prompt: PromptJob, source: DocumentSource | undefined): Promise<PromptReply> {
    const document = source?.document;
    if (!document || document.isClosed) throw new vscode.CancellationError();
    if (!this.sync.has(document)) this.sync.send(document);
    const job = (): PromptJob => ({ ...prompt, id: this.nextId++, document: { ...prompt.document, version: document.version } });
    const reply = await this.client.runPrompt(job());
    if (reply.ok || reply.reason !== 'resync') return reply;
    this.sync.send(document);
    return this.client.runPrompt(job());
  }

  private setActive(delta: number): void {
    const wasBusy = this.active > 0;
    this.active += delta;
    if (wasBusy !== this.active > 0) this.busyChanged.fire(this.active > 0);
  }

  private logOnce(message: string): void {
    if (this.loggedFailures.has(message)) return;
    this.loggedFailures.add(message);
    this.deps.log.warn(message);
  }

  override dispose(): void {
    for (const entry of this.queue.splice(0)) entry.reject(new vscode.CancellationError());
    super.dispose();
  }
}
