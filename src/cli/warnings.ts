/** Warnings on stderr, each distinct message printed once per run. */
import type { CliIo } from './io';

export class Warnings {
  private readonly seen = new Set<string>();

  constructor(private readonly io: CliIo) {}

  /** Prints "llm-cost: warning: …" unless the same message was already printed. */
  warn(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.io.stderr.write(`llm-cost: warning: ${message}\n`);
  }
}
