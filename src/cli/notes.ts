/** Engine notes the CLI prints, minus those its own pricing lines already say. */
import type { Note, NoteKind } from '../core/cost/types';

/** Said by describeWindow / describeTier / describeConversion. */
const DESCRIBED: ReadonlySet<NoteKind> = new Set<NoteKind>(['window', 'converted', 'long-context']);

/** The texts of the notes the pricing lines do not already say. */
export function extraNotes(notes: readonly Note[]): string[] {
  return notes.filter((n) => !DESCRIBED.has(n.kind)).map((n) => n.text);
}
