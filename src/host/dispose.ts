/** Base class owning child disposables, disposed together in reverse order. */
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private readonly children: vscode.Disposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Adds a child that is disposed with this object (at once when this one is already disposed). */
  protected register<T extends vscode.Disposable>(child: T): T {
    if (this.disposed) child.dispose();
    else this.children.push(child);
    return child;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const child of this.children.splice(0).reverse()) child.dispose();
  }
}

/**
 * Children added in order of creation, disposed in reverse: what is created first (the log channel) outlives what
 * uses it. VS Code disposes `context.subscriptions` in array order, and a disposed output channel throws
 * "Channel has been closed" when written to (the dispose error logged on every window reload).
 */
export class DisposableStore extends Disposable {
  add<T extends vscode.Disposable>(child: T): T {
    return this.register(child);
  }
}
