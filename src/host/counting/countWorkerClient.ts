/** Owns the counting worker thread: spawns it lazily, runs one job at a time, can kill and respawn it. */
import * as vscode from '../vscodeApi';
import { Worker } from 'node:worker_threads';
import type { CountJob, CountReply, WorkerRequest } from './countProtocol';
import { isPromptReply } from './promptJob';
import type { PromptJob, PromptReply, PromptRequest } from './promptJob';

interface Running {
  readonly id: number;
  readonly resolve: (reply: CountReply | PromptReply) => void;
  readonly reject: (error: Error) => void;
}

export class CountWorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private running: Running | undefined;

  constructor(
    private readonly workerPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Sends a job to the worker; only one job may run at a time. */
  run(job: CountJob): Promise<CountReply> {
    return this.send(job.id, { type: 'count', job }).then((reply) => {
      if (isPromptReply(reply)) throw new Error('the counting worker answered a prompt job');
      return reply;
    });
  }

  /** Sends a prompt job (declared model, breakdown); it shares the one-job-at-a-time slot with counts. */
  runPrompt(job: PromptJob): Promise<PromptReply> {
    return this.send(job.id, { type: 'prompt', job }).then((reply) => {
      if (!isPromptReply(reply)) throw new Error('the counting worker answered a count job');
      return reply;
    });
  }

  private send(id: number, request: WorkerRequest | PromptRequest): Promise<CountReply | PromptReply> {
    if (this.running) return Promise.reject(new Error('count worker is busy'));
    const worker = this.spawn();
    return new Promise<CountReply | PromptReply>((resolve, reject) => {
      this.running = { id, resolve, reject };
      worker.postMessage(request);
    });
  }

  /** Posts a mirror update. Edits and closes are dropped when no worker runs (a new one has no mirrors); `open` starts one. */
  post(request: Exclude<WorkerRequest, { type: 'count' }>): void {
    const worker = request.type === 'open' ? this.spawn() : this.worker;
    worker?.postMessage(request);
  }

  /** Terminates the worker (abandoning its job, which rejects with CancellationError); the next run spawns a new one. */
  kill(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.settle(undefined, new vscode.CancellationError());
    if (worker) {
      this.log.info('Counting worker terminated to abandon a cancelled job.');
      void worker.terminate();
    }
  }

  /** Ends the worker without logging: at shutdown the log channel may already be closed. */
  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.settle(undefined, new vscode.CancellationError());
    void worker?.terminate();
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath, { name: 'llm-cost-count' });
    worker.on('message', (reply: CountReply | PromptReply) => {
      if (this.running?.id === reply.id) this.settle(reply);
    });
    worker.on('error', (error) => {
      this.log.error(`Counting worker failed: ${error.message}`);
      this.forget(worker, error);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.forget(worker, new Error(`counting worker exited with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  private forget(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.settle(undefined, error);
  }

  private settle(reply: CountReply | PromptReply | undefined, error?: Error): void {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    if (reply) running.resolve(reply);
    else running.reject(error ?? new Error('counting worker stopped'));
  }
}
