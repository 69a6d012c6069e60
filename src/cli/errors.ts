/** Errors the CLI reports as one line with exit code 2 (the user's input is at fault). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes: 0 success, 1 internal error, 2 bad input, 3 budget exceeded (estimate --max-cost). */
export const EXIT = { ok: 0, internal: 1, usage: 2, overBudget: 3 } as const;
