/**
 * Worker side: the text of each document the host mirrors here, kept current from its edits (the host sends the whole
 * text once, then only VS Code's content changes), with an IncrementalCounter per tokenizer brought up to date when
 * it is next asked for. Typing in a 2 MB file then costs the host one small message per keystroke and the worker a
 * recount of the blocks around each edit. No 'vscode' import: the worker bundles it.
 */
import { IncrementalCounter } from '../../core/tokenize/incremental';
import type { TextEdit } from '../../core/tokenize/incremental';
import { getTokenizer } from '../../core/tokenize/registry';
import type { TokenizerId } from '../../core/catalog/types';

/** Documents kept (least recently counted dropped first); one dropped is sent again when it is next counted. */
const DOCUMENT_LIMIT = 8;
/** A counter that has fallen this many edits behind is dropped and rebuilt on its next use. */
const PENDING_LIMIT = 512;

interface KeptCounter {
  readonly counter: IncrementalCounter;
  /** Edits since the counter was last brought up to date. */
  pending: TextEdit[];
}

export class MirroredText {
  private readonly counters = new Map<TokenizerId, KeptCounter>();

  constructor(
    private current: string,
    private at: number,
    private utf8Bytes = Buffer.byteLength(current, 'utf8'),
  ) {}

  get text(): string {
    return this.current;
  }

  get version(): number {
    return this.at;
  }

  /** UTF-8 size, kept from the edits without rescanning the text. */
  get bytes(): number {
    return this.utf8Bytes;
  }

  /** Applies edits in order (each relative to the text the previous one left); false, changing nothing, if one does not fit. */
  edit(version: number, edits: readonly TextEdit[]): boolean {
    let length = this.current.length;
    for (const e of edits) {
      if (!(e.offset >= 0 && e.deleteCount >= 0 && e.offset + e.deleteCount <= length)) return false;
      length += e.insert.length - e.deleteCount;
    }
    for (const e of edits) {
      const removed = this.current.slice(e.offset, e.offset + e.deleteCount);
      this.utf8Bytes += Buffer.byteLength(e.insert, 'utf8') - Buffer.byteLength(removed, 'utf8');
      this.current = this.current.slice(0, e.offset) + e.insert + this.current.slice(e.offset + e.deleteCount);
    }
    for (const [id, kept] of this.counters) {
      kept.pending.push(...edits);
      if (kept.pending.length > PENDING_LIMIT) this.counters.delete(id);
    }
    this.at = version;
    return true;
  }

  /** True when a counter for the tokenizer is kept (using it costs only the edits since its last use). */
  hasCounter(tokenizer: TokenizerId): boolean {
    return this.counters.has(tokenizer);
  }

  /** The tokenizer's counter, up to date with the text (built on first use: a full count). */
  counter(tokenizer: TokenizerId): IncrementalCounter {
    const kept = this.counters.get(tokenizer);
    if (!kept) {
      const counter = new IncrementalCounter(getTokenizer(tokenizer), this.current);
      this.counters.set(tokenizer, { counter, pending: [] });
      return counter;
    }
    if (kept.pending.length) {
      kept.counter.apply(kept.pending);
      kept.pending = [];
    }
    return kept.counter;
  }
}

/** The mirrored documents by key (URI), least recently used first. */
export class DocumentMirrors {
  private readonly documents = new Map<string, MirroredText>();

  open(key: string, version: number, text: string): void {
    this.documents.delete(key);
    this.documents.set(key, new MirroredText(text, version));
    if (this.documents.size > DOCUMENT_LIMIT) this.documents.delete(this.documents.keys().next().value as string);
  }

  /** Applies an edit to a mirrored document; an edit that does not fit drops the mirror (the host then sends the text again). */
  edit(key: string, version: number, edits: readonly TextEdit[]): void {
    const mirror = this.documents.get(key);
    if (mirror && !mirror.edit(version, edits)) this.documents.delete(key);
  }

  close(key: string): void {
    this.documents.delete(key);
  }

  /** The document's mirror when it is at `version`; undefined when the host must send the text again. */
  at(key: string, version: number): MirroredText | undefined {
    const mirror = this.documents.get(key);
    if (!mirror || mirror.version !== version) return undefined;
    this.documents.delete(key);
    this.documents.set(key, mirror);
    return mirror;
  }
}
