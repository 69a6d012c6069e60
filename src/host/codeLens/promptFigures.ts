/**
 * A prompt document's per-message figures, computed in the counting worker: debounced on edits, kept by document
 * version, a newer version cancelling the older one's work. Lenses and hovers share one computation per version.
 */
import * as path from 'node:path';
import * as vscode from '../vscodeApi';
import type { ModelEntry } from '../../core/catalog/types';
import type { PromptModelChoice } from '../../core/view/promptModel';
import type { ConfigService } from '../config/configService';
import type { CountingService } from '../counting/countingService';
import type { PromptDetails } from '../counting/promptJob';
import type { PromptModels } from '../counting/promptModels';
import { Disposable } from '../dispose';

/** Pause after an edit before recounting: typing costs one count, not one per key. */
export const EDIT_DEBOUNCE_MS = 300;
/** Documents whose figures are kept. */
const KEPT = 8;

export interface Figures {
  readonly model: ModelEntry;
  readonly choice?: PromptModelChoice;
  readonly details: PromptDetails;
}

interface Run {
  readonly version: number;
  readonly source: vscode.CancellationTokenSource;
  readonly promise: Promise<Figures | undefined>;
}

export interface PromptFiguresDeps {
  readonly counting: CountingService;
  readonly config: ConfigService;
  readonly promptModels: PromptModels;
}

export class PromptFigures extends Disposable {
  private readonly done = new Map<string, { version: number; figures: Figures | undefined }>();
  private readonly runs = new Map<string, Run>();

  constructor(private readonly deps: PromptFiguresDeps) {
    super();
    this.register(deps.config.onDidChange(() => this.forget()));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri.toString())));
    this.register({ dispose: () => this.forget() });
  }

  /** The figures of the document's current version (undefined: not a chat prompt, or superseded before it finished). */
  get(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<Figures | undefined> {
    const key = document.uri.toString();
    const done = this.done.get(key);
    if (done?.version === document.version) return Promise.resolve(done.figures);
    let run = this.runs.get(key);
    if (run?.version !== document.version) {
      run?.source.cancel();
      run = this.start(key, document, done !== undefined ? EDIT_DEBOUNCE_MS : 0);
    }
    return untilCancelled(run.promise, token);
  }

  private start(key: string, document: vscode.TextDocument, delay: number): Run {
    const source = new vscode.CancellationTokenSource();
    const version = document.version;
    const run: Run = { version, source, promise: this.compute(key, document, version, delay, source.token) };
    this.runs.set(key, run);
    const settle = (figures: Figures | undefined, keep: boolean) => {
      if (this.runs.get(key) !== run) return;
      this.runs.delete(key);
      source.dispose();
      if (!keep) return;
      this.done.delete(key);
      this.done.set(key, { version, figures });
      if (this.done.size > KEPT) this.done.delete(this.done.keys().next().value as string);
    };
    run.promise.then(
      (figures) => settle(figures, !source.token.isCancellationRequested),
      () => settle(undefined, false),
    );
    return run;
  }

  private async compute(
    key: string,
    document: vscode.TextDocument,
    version: number,
    delay: number,
    token: vscode.CancellationToken,
  ): Promise<Figures | undefined> {
    if (delay > 0 && !(await pause(delay, token))) return undefined;
    if (document.isClosed || token.isCancellationRequested || document.version !== version) return undefined;
    const { settings } = this.deps.config.current();
    const maxBytes = Math.round(settings.maxFileSizeMB * 1024 * 1024);
    const source = { document, version: document.version, name: path.basename(document.fileName), maxBytes };
    const channel = `lens:${key}`;
    const choice = await this.deps.promptModels.choose({ source, fileName: document.fileName }, token, channel);
    const model = choice?.model;
    if (!model || token.isCancellationRequested) return undefined;
    const details = await this.deps.counting.prompt(source, document.fileName, model, token, channel);
    return { model, ...(choice ? { choice } : {}), details };
  }

  private forget(key?: string): void {
    for (const [k, run] of this.runs) if (key === undefined || k === key) run.source.cancel();
    if (key === undefined) this.done.clear();
    else this.done.delete(key);
  }
}

/** Waits `ms`; false when cancelled first. */
function pause(ms: number, token: vscode.CancellationToken): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(true);
    }, ms);
    const listener = token.onCancellationRequested(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** The promise's value, or undefined as soon as `token` is cancelled (the shared work goes on for other callers). */
function untilCancelled<T>(promise: Promise<T | undefined>, token: vscode.CancellationToken): Promise<T | undefined> {
  if (token.isCancellationRequested) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const listener = token.onCancellationRequested(() => resolve(undefined));
    promise.then(
      (value) => {
        listener.dispose();
        resolve(value);
      },
      () => {
        listener.dispose();
        resolve(undefined);
      },
    );
  });
}
