/** The model a prompt file is priced with (its own when the catalog knows it), asked of the worker and kept per version. */
import type * as vscode from 'vscode';
import type { Declared } from '../../core/prompt/declared';
import { isPromptFileName } from '../../core/prompt/fileKind';
import { choosePromptModel } from '../../core/view/promptModel';
import type { PromptModelChoice } from '../../core/view/promptModel';
import type { ConfigService } from '../config/configService';
import type { CountingService } from './countingService';
import type { DocumentSource, Subject } from '../subject/subject';

/** Versions of documents remembered (the active one and a few the user switches between). */
const KEPT = 8;

export interface PromptDocument {
  readonly source: DocumentSource;
  readonly fileName: string;
}

export class PromptModels {
  private readonly declared = new Map<string, Declared | undefined>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly counting: CountingService,
    private readonly config: ConfigService,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * The model for a prompt file and its own output limit; undefined for any other file. A model name the catalog
   * does not know is logged once (the choice's note says it too). Rejects with CancellationError when superseded.
   */
  async choose(
    document: PromptDocument,
    token: vscode.CancellationToken | undefined,
    channel: string,
  ): Promise<PromptModelChoice | undefined> {
    if (!isPromptFileName(document.fileName)) return undefined;
    const declared = await this.declaredBy(document, token, channel);
    const { catalog, settings } = this.config.current();
    const choice = choosePromptModel(catalog, settings.defaultModel, declared);
    if (choice?.note && !this.reported.has(choice.note)) {
      this.reported.add(choice.note);
      this.log.warn(`${document.fileName}: ${choice.note}`);
    }
    return choice;
  }

  private async declaredBy(
    document: PromptDocument,
    token: vscode.CancellationToken | undefined,
    channel: string,
  ): Promise<Declared | undefined> {
    const key = `${document.source.document.uri.toString()}@${document.source.version}`;
    if (this.declared.has(key)) return this.declared.get(key);
    const details = await this.counting.prompt(document.source, document.fileName, undefined, token, `${channel}:declared`);
    this.declared.set(key, details.declared);
    if (this.declared.size > KEPT) this.declared.delete(this.declared.keys().next().value as string);
    return details.declared;
  }
}

/** For a whole prompt file: the model it is priced with and its own output limit (PromptModels); undefined otherwise. */
export function promptChoice(
  promptModels: PromptModels,
  subject: Subject,
  token: vscode.CancellationToken | undefined,
  channel = 'statusBar',
): Promise<PromptModelChoice | undefined> {
  if (!subject.fileName || !subject.document || subject.problem) return Promise.resolve(undefined);
  return promptModels.choose({ source: subject.document, fileName: subject.fileName }, token, channel);
}
