/** The cost engine's user-facing errors: a code for callers, a readable message for people. */

export type CostErrorCode = 'unknown-model' | 'no-price-period' | 'bad-input' | 'unknown-currency';

/** A user error in a cost request (unknown model, no price at that date, bad number, unknown currency). */
export class CostError extends Error {
  readonly code: CostErrorCode;
  readonly suggestions: string[];

  constructor(code: CostErrorCode, message: string, suggestions: string[] = []) {
    super(message);
    this.name = 'CostError';
    this.code = code;
    this.suggestions = suggestions;
  }
}
