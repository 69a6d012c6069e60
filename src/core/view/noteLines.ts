/** Short price notes for the comparison panel, with each long caveat collected once as a numbered footnote. Pure. */
import type { Note, NoteKind, PricingContext } from '../cost/types';
import type { PriceNote } from './viewTypes';
import { footnoteMarker } from './viewTypes';
import { formatDateTime } from '../format/dates';
import { formatTokens } from '../format/tokens';

/** Collects distinct caveats in first-seen order; `ref` gives a caveat's 1-based number. */
export class Footnotes {
  private readonly texts: string[] = [];

  /** The number of this caveat, adding it when new. */
  ref(text: string): number {
    const index = this.texts.indexOf(text);
    if (index >= 0) return index + 1;
    this.texts.push(text);
    return this.texts.length;
  }

  /** The caveats, footnote n at index n − 1. */
  list(): string[] {
    return [...this.texts];
  }
}

/** A note as plain text with its marker: "off-peak ×0.5 ¹". */
export function noteText(note: PriceNote): string {
  return note.footnote === undefined ? note.text : `${note.text} ${footnoteMarker(note.footnote)}`;
}

/**
 * The short notes for one priced context: window (and when it changes, when `withNextChange`), tier,
 * conversion; then the engine's other notes (status notes left out: the model cell shows them). A long
 * note "head: detail" shows its head and goes to the footnotes whole; the schedule's caveat is a footnote
 * of the window note.
 */
export function shortNotes(
  context: PricingContext,
  engineNotes: readonly Note[],
  footnotes: Footnotes,
  withNextChange = true,
): PriceNote[] {
  const notes: PriceNote[] = [];
  const { window, period } = context;
  if (window) {
    let text = window.discounted ? `${window.label} ×${window.multiplier.toDecimalString()}` : window.label;
    if (withNextChange && window.nextChange && period.schedule) {
      const next = window.discounted ? period.schedule.fullLabel : period.schedule.discountLabel;
      text += `, ${next} from ${formatDateTime(window.nextChange)}`;
    }
    notes.push(withFootnote(text, window.note, footnotes));
  }
  if (context.tier === 'long-context' && context.longContextThreshold !== undefined) {
    notes.push({ text: `prompt ≥ ${formatTokens(context.longContextThreshold)} tokens: every token at the higher long-context rate` });
  }
  if (context.converted) {
    const c = context.converted;
    notes.push({ text: `converted from ${c.from} at ${c.rate.toDecimalString()} ${context.currency}/${c.from}` });
  }
  for (const note of engineNotes) if (!SHOWN_ELSEWHERE.has(note.kind)) notes.push(splitLongNote(note.text, footnotes));
  return notes;
}

/** Said by the notes above (window, its caveat, tier, conversion), by the model cell (status) or by the bill's split note. */
const SHOWN_ELSEWHERE: ReadonlySet<NoteKind> = new Set<NoteKind>([
  'status',
  'converted',
  'long-context',
  'window',
  'window-caveat',
  'window-split',
]);

/** A note with a caveat footnote when there is one. */
export function withFootnote(text: string, caveat: string | undefined, footnotes: Footnotes): PriceNote {
  return caveat ? { text, footnote: footnotes.ref(caveat) } : { text };
}

const SHORT_NOTE = 60;

/** A short note as it is; a long "head: detail" note as its head with the whole as a footnote. */
export function splitLongNote(note: string, footnotes: Footnotes): PriceNote {
  const colon = note.indexOf(': ');
  if (note.length <= SHORT_NOTE || colon < 0) return { text: note };
  return { text: note.slice(0, colon), footnote: footnotes.ref(note) };
}
