/** The sentences that refuse a text: over the size limit, or binary. Shared by the host and the counting worker. */

const MB = 1024 * 1024;
/** A NUL byte among a text's first characters marks it as binary. */
export const BINARY_PROBE_CHARS = 8192;

/** `what` is "notes.txt" or "the selected text in notes.txt"; it keeps its case (no "Notes.txt"). */
export function tooLargeMessage(what: string, bytes: number, maxBytes: number): string {
  return `Not counted: ${what} is ${megabytes(bytes)}, over the ${megabytes(maxBytes)} limit of llmCost.maxFileSizeMB.`;
}

export function binaryMessage(name: string): string {
  return `${name} looks like a binary file (it contains NUL bytes): nothing was counted.`;
}

export function looksBinary(text: string): boolean {
  return text.slice(0, BINARY_PROBE_CHARS).includes('\u0000');
}

function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Number(mb.toPrecision(2))} MB`;
}
