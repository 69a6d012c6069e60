/**
 * Keeps the counting worker's mirrors of open documents current: the whole text once (when a document is first
 * counted whole, or again when the worker lost it), then each content change as it happens. The main thread then
 * never copies a document per keystroke; an edit costs one message the size of the edit.
 */
import * as vscode from '../vscodeApi';
import { Disposable } from '../dispose';
import type { CountWorkerClient } from './countWorkerClient';

export class DocumentSync extends Disposable {
  /** URIs whose text was sent to the worker (it may have dropped some since; a count then asks for the text again). */
  private readonly mirrored = new Set<string>();
  private sent = 0;

  constructor(private readonly client: CountWorkerClient) {
    super();
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        const key = e.document.uri.toString();
        if (!this.mirrored.has(key)) return;
        const edits = e.contentChanges.map((c) => ({ offset: c.rangeOffset, deleteCount: c.rangeLength, insert: c.text }));
        client.post({ type: 'edit', key, version: e.document.version, edits });
      }),
    );
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        if (this.mirrored.delete(key)) client.post({ type: 'close', key });
      }),
    );
  }

  /** True once the document's text was sent (the worker keeps it current from the edits). */
  has(document: vscode.TextDocument): boolean {
    return this.mirrored.has(document.uri.toString());
  }

  /** Sends the document's whole text (O(length), once per document, not per edit). */
  send(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.client.post({ type: 'open', key, version: document.version, text: document.getText() });
    this.mirrored.add(key);
    this.sent++;
  }

  /** Whole texts sent so far (for the tests: typing must not send any). */
  textsSent(): number {
    return this.sent;
  }
}
