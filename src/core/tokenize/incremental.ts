/**
 * A document's token count kept up to date from its edits (VS Code content changes) and reused for selections.
 * The text is held as blocks cut where the family's proven rule allows (Tokenizer.cuts, see bpe/blockCuts.ts and
 * sentencepiece/blockCuts.ts), each with its count. An edit re-cuts and recounts only the blocks around it: from the
 * start of the block holding the character before the edit to the end of the block holding the character after it.
 * The cuts kept at both ends stay valid because a cut depends only on the two characters beside it, which the edit
 * does not touch. A family without a rule is one block: every edit is a full count, never an approximation.
 */
import type { BlockCuts, Tokenizer } from './types';

/** One replacement: UTF-16 offsets into the text as it is when this edit applies. */
export interface TextEdit {
  readonly offset: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/** Blocks are cut at the first allowed cut at least this many UTF-16 units after the previous one. */
const MIN_BLOCK = 512;

export interface IncrementalOptions {
  /** Shortest block before a cut is taken (UTF-16 units); tests use tiny blocks so that cuts fall everywhere. */
  readonly minBlock?: number;
}

/** The count of one text under one tokenizer, updated edit by edit; always equal to tokenizer.count(text). */
export class IncrementalCounter {
  private readonly cuts: BlockCuts;
  private readonly minBlock: number;
  private blocks: string[] = [];
  private counts: number[] = [];
  /** Offset of each block in the text. */
  private starts: number[] = [];
  private textLength = 0;
  private total = 0;
  /** The joined text, built on demand after an edit. */
  private joined: string | undefined;

  constructor(tokenizer: Tokenizer, text: string, options: IncrementalOptions = {}) {
    this.minBlock = Math.max(1, Math.floor(options.minBlock ?? MIN_BLOCK));
    this.cuts = tokenizer.cuts ?? { isCut: () => false, countBlock: (block) => tokenizer.count(block) };
    this.replaceBlocks(0, 0, text);
  }

  /** Applies edits in array order, each relative to the text left by the previous one (VS Code's contentChanges of one event, which come in reverse document order, satisfy this). */
  apply(edits: readonly TextEdit[]): void {
    let length = this.textLength;
    for (const edit of edits) {
      checkRange(edit.offset, edit.offset + edit.deleteCount, length);
      length += edit.insert.length - edit.deleteCount;
    }
    for (const edit of edits) this.applyOne(edit);
  }

  /** The current text; joined from the blocks on the first read after an edit (O(length)). */
  get text(): string {
    this.joined ??= this.blocks.join('');
    return this.joined;
  }

  /** Length of the current text in UTF-16 units (without joining it). */
  get length(): number {
    return this.textLength;
  }

  /** Exact count of the whole current text. */
  get tokens(): number {
    return this.total;
  }

  /** Number of blocks the text is held in (1 for a family without a cut rule). */
  get blockCount(): number {
    return this.blocks.length;
  }

  /** Exact count of text.slice(start, end): cached counts for the blocks inside, fresh counts for the two ends. */
  countRange(start: number, end: number): number {
    checkRange(start, end, this.textLength);
    if (start === end) return 0;
    const { blocks, starts, cuts } = this;
    const a = this.blockAt(start);
    const b = this.blockAt(end - 1);
    const aEnd = starts[a] + blocks[a].length;
    // The slice is a text of its own: its first part gets `first` (a block at offset 0 was counted that way).
    let total =
      start === 0 && aEnd <= end
        ? this.counts[a]
        : cuts.countBlock(blocks[a].slice(start - starts[a], Math.min(end, aEnd) - starts[a]), true);
    if (b === a) return total;
    for (let k = a + 1; k < b; k++) total += this.counts[k];
    const bEnd = starts[b] + blocks[b].length;
    total += end === bEnd ? this.counts[b] : cuts.countBlock(blocks[b].slice(0, end - starts[b]), false);
    return total;
  }

  private applyOne({ offset, deleteCount, insert }: TextEdit): void {
    if (deleteCount === 0 && insert.length === 0) return;
    const n = this.blocks.length;
    if (n === 0) {
      this.replaceBlocks(0, 0, insert);
      return;
    }
    const editEnd = offset + deleteCount;
    // The block holding the character before the edit and the one holding the character after it (or the ends).
    let first = offset === 0 ? 0 : this.blockAt(offset - 1);
    let last = editEnd === this.textLength ? n - 1 : this.blockAt(editEnd);
    // Short neighbours are folded in (their outer cuts are as far from the edit), so edits do not fragment the text.
    if (first > 0 && this.blocks[first - 1].length < this.minBlock) first--;
    if (last + 1 < n && this.blocks[last + 1].length < this.minBlock) last++;
    const regionStart = this.starts[first];
    const old = first === last ? this.blocks[first] : this.blocks.slice(first, last + 1).join('');
    const region = old.slice(0, offset - regionStart) + insert + old.slice(editEnd - regionStart);
    this.replaceBlocks(first, last + 1, region);
  }

  /** Replaces blocks [from, to) by `region`, cut and counted anew; shifts the offsets of the blocks after it. */
  private replaceBlocks(from: number, to: number, region: string): void {
    const { cuts, minBlock } = this;
    const base = from < this.blocks.length ? this.starts[from] : this.textLength;
    const newBlocks: string[] = [];
    const newCounts: number[] = [];
    const newStarts: number[] = [];
    let added = 0;
    let blockStart = 0;
    const push = (end: number) => {
      const block = region.slice(blockStart, end);
      const count = cuts.countBlock(block, base + blockStart === 0);
      newBlocks.push(block);
      newCounts.push(count);
      newStarts.push(base + blockStart);
      added += count;
      blockStart = end;
    };
    for (let p = minBlock; p < region.length; p++) {
      if (cuts.isCut(region, p)) {
        push(p);
        p += minBlock - 1;
      }
    }
    if (blockStart < region.length) push(region.length);
    let removed = 0;
    let removedLength = 0;
    for (let k = from; k < to; k++) {
      removed += this.counts[k];
      removedLength += this.blocks[k].length;
    }
    const delta = region.length - removedLength;
    this.blocks = spliced(this.blocks, from, to, newBlocks);
    this.counts = spliced(this.counts, from, to, newCounts);
    this.starts = spliced(this.starts, from, to, newStarts);
    if (delta !== 0) for (let k = from + newBlocks.length; k < this.starts.length; k++) this.starts[k] += delta;
    this.total += added - removed;
    this.textLength += delta;
    this.joined = undefined;
  }

  /** Index of the block holding position pos (0 ≤ pos < length). */
  private blockAt(pos: number): number {
    const { starts } = this;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** array with [from, to) replaced by items; in place unless items is too long to pass as arguments. */
function spliced<T>(array: T[], from: number, to: number, items: T[]): T[] {
  if (items.length <= 1024) {
    array.splice(from, to - from, ...items);
    return array;
  }
  return array.slice(0, from).concat(items, array.slice(to));
}

/** Throws a one-line message for a range that does not fit a text of this length. */
function checkRange(start: number, end: number, length: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new RangeError(`range [${start}, ${end}) is outside a text of ${length} characters`);
  }
}
