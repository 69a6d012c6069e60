/** User notifications, shown without waiting for the user and remembered (bounded) for the test API. */
import * as vscode from '../vscodeApi';

export type Severity = 'info' | 'warning' | 'error';

export interface ShownMessage {
  readonly severity: Severity;
  readonly message: string;
}

const REMEMBERED = 100;
/** A message identical to the last one within this time is not shown again, so repeats do not stack. */
const DUPLICATE_MS = 4000;

/** Shows info, warning and error messages; callers never await the user's answer unless they chain on it. */
export class Notifier {
  private readonly shown: ShownMessage[] = [];
  private last: { severity: Severity; message: string; at: number; answer: Thenable<string | undefined> } | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Shows `message`; resolves to the chosen action, or undefined when dismissed. A duplicate of the last message shares its answer. */
  show(severity: Severity, message: string, ...actions: string[]): Thenable<string | undefined> {
    const at = this.now();
    this.shown.push({ severity, message });
    if (this.shown.length > REMEMBERED) this.shown.shift();
    const last = this.last;
    if (last && last.severity === severity && last.message === message && at - last.at < DUPLICATE_MS) {
      last.at = at;
      return last.answer;
    }
    const answer =
      severity === 'error'
        ? vscode.window.showErrorMessage(message, ...actions)
        : severity === 'warning'
          ? vscode.window.showWarningMessage(message, ...actions)
          : vscode.window.showInformationMessage(message, ...actions);
    this.last = { severity, message, at, answer };
    return answer;
  }

  /** Messages reported since activation, oldest first (the last hundred), including repeats that shared a toast. */
  history(): readonly ShownMessage[] {
    return [...this.shown];
  }
}
