/** Owns the counting worker thread: spawns it lazily, runs one job at a time, can kill and respawn it. */
import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { WorkerJob, WorkerReply } from './promptJob';

interface Running {
  readonly id: number;
  readonly resolve: (reply: WorkerReply) => void;
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
  run(job: WorkerJob): Promise<WorkerReply> {
    if (this.running) return Promise.reject(new Error('count worker is busy'));
    const worker = this.spawn();
    return new Promise<WorkerReply>((resolve, reject) => {
      this.running = { id: job.id, resolve, reject };
      worker.postMessage(job);
    });
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
    worker.on('message', (reply: WorkerReply) => {
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

  private settle(reply: WorkerReply | undefined, error?: Error): void {
    const running = this.running;
    this.running = undefined;
    if (!running) return;
    if (reply) running.resolve(reply);
    else running.reject(error ?? new Error('counting worker stopped'));
  }
}
