/** User notifications, shown without waiting for the user and remembered (bounded) for the test API. */
import * as vscode from 'vscode';

export type Severity = 'info' | 'warning' | 'error';

export interface ShownMessage {
  readonly severity: Severity;
  readonly message: string;
}

const REMEMBERED = 100;

/** Shows info, warning and error messages; callers never await the user's answer unless they chain on it. */
export class Notifier {
  private readonly shown: ShownMessage[] = [];

  /** Shows `message`; resolves to the chosen action, or undefined when dismissed. */
  show(severity: Severity, message: string, ...actions: string[]): Thenable<string | undefined> {
    this.shown.push({ severity, message });
    if (this.shown.length > REMEMBERED) this.shown.shift();
    if (severity === 'error') return vscode.window.showErrorMessage(message, ...actions);
    if (severity === 'warning') return vscode.window.showWarningMessage(message, ...actions);
    return vscode.window.showInformationMessage(message, ...actions);
  }

  /** Messages shown since activation, oldest first (the last hundred). */
  history(): readonly ShownMessage[] {
    return [...this.shown];
  }
}
