/** Line numbers inside JSON text: where parsing fails, and where the value at a path starts. Linear, error path only. */
import type { JsonPath } from './messages';

/** Thrown (and caught in this file) where the scanner stops at a syntax error. */
class Stop extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at offset ${offset}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonScanner {
  private pos = 0;
  found = -1;
  /** Start offsets of the elements of the array at the target path. */
  readonly elements: number[] = [];

  constructor(
    private readonly s: string,
    private readonly target: JsonPath,
  ) {}

  run(): void {
    this.value(0);
    this.ws();
    if (this.pos < this.s.length) this.fail();
  }

  private fail(): never {
    throw new Stop(this.pos);
  }

  private ws(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
  }

  /** `matched`: how many leading path elements lead here, or -1 when off the path. */
  private value(matched: number): void {
    this.ws();
    if (matched === this.target.length && this.found < 0) this.found = this.pos;
    const c = this.s[this.pos];
    if (c === '{') this.object(matched);
    else if (c === '[') this.array(matched);
    else if (c === '"') this.string(false);
    else if (this.s.startsWith('true', this.pos)) this.pos += 4;
    else if (this.s.startsWith('false', this.pos)) this.pos += 5;
    else if (this.s.startsWith('null', this.pos)) this.pos += 4;
    else {
      NUMBER.lastIndex = this.pos;
      if (!NUMBER.test(this.s)) this.fail();
      this.pos = NUMBER.lastIndex;
    }
  }

  private next(matched: number, key: string | number): number {
    return matched >= 0 && matched < this.target.length && this.target[matched] === key ? matched + 1 : -1;
  }

  private object(matched: number): void {
    this.pos++;
    this.ws();
    if (this.s[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.ws();
      if (this.s[this.pos] !== '"') this.fail();
      const key = this.string(true);
      this.ws();
      if (this.s[this.pos] !== ':') this.fail();
      this.pos++;
      this.value(this.next(matched, key));
      this.ws();
      const c = this.s[this.pos++];
      if (c === '}') return;
      if (c !== ',') {
        this.pos--;
        this.fail();
      }
    }
  }

  private array(matched: number): void {
    this.pos++;
    this.ws();
    if (this.s[this.pos] === ']') {
      this.pos++;
      return;
    }
    const collect = matched === this.target.length && this.elements.length === 0;
    for (let i = 0; ; i++) {
      if (collect) {
        this.ws();
        this.elements.push(this.pos);
      }
      this.value(this.next(matched, i));
      this.ws();
      const c = this.s[this.pos++];
      if (c === ']') return;
      if (c !== ',') {
        this.pos--;
        this.fail();
      }
    }
  }

  /** Skips a string literal; returns its value only when asked (object keys). */
  private string(decode: boolean): string {
    const s = this.s;
    const start = this.pos++;
    for (;;) {
      if (this.pos >= s.length) this.fail();
      const c = s.charCodeAt(this.pos);
      if (c === 0x22) break;
      if (c < 0x20) this.fail();
      if (c === 0x5c) {
        const e = s[this.pos + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(this.pos + 2, this.pos + 6))) this.fail();
          this.pos += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.pos += 2;
        else this.fail();
      } else this.pos++;
    }
    this.pos++;
    return decode ? (JSON.parse(s.slice(start, this.pos)) as string) : '';
  }
}

function scan(text: string, path: JsonPath): { error: number; found: number; elements: readonly number[] } {
  const scanner = new JsonScanner(text, path);
  try {
    scanner.run();
    return { error: -1, found: scanner.found, elements: scanner.elements };
  } catch (e) {
    if (e instanceof Stop) return { error: e.offset, found: scanner.found, elements: scanner.elements };
    return { error: -1, found: scanner.found, elements: scanner.elements }; // nesting too deep for the stack: location unknown
  }
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Offset where `text` stops being valid JSON, or -1 when it is valid (or too deep to tell). */
export function jsonErrorOffset(text: string): number {
  return scan(text, []).error;
}

/** 1-based line where the value at `path` starts; 1 when it cannot be found. */
export function jsonValueLine(text: string, path: JsonPath): number {
  const { found } = scan(text, path);
  return found < 0 ? 1 : lineAt(text, found);
}

/** 1-based lines where each element of the array at `path` starts, in one pass; empty when there is no such array. */
export function jsonElementLines(text: string, path: JsonPath): number[] {
  const offsets = scan(text, path).elements;
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const offset of offsets) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      from = i + 1;
    }
    lines.push(line);
  }
  return lines;
}

/** V8's JSON.parse message without its position suffix ("… in JSON at position 12", "(line 1 column 13)"). */
export function cleanJsonMessage(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)/, '');
}

/** Line of a JSON syntax error: from our scanner, else from V8's message. */
export function jsonErrorLine(text: string, message: string): number {
  const offset = jsonErrorOffset(text);
  if (offset >= 0) return lineAt(text, offset);
  const lc = /\(line (\d+) column \d+\)/.exec(message);
  if (lc) return Number(lc[1]);
  const pos = /at position (\d+)/.exec(message);
  return pos ? lineAt(text, Number(pos[1])) : 1;
}
