/** Line numbers inside JSON text (error path only): where parsing fails, and where the value at a path starts. */
import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import type { JsonPath } from './messages';

/** Strict JSON: no comments, no trailing commas, no empty document (jsonc-parser allows them by default). */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** 1-based line where the value at `path` starts; 1 when it cannot be found. */
export function jsonValueLine(text: string, path: JsonPath): number {
  try {
    const root = parseTree(text, [], STRICT);
    const node = root && findNodeAtLocation(root, [...path]);
    return node ? lineAt(text, node.offset) : 1;
  } catch {
    return 1; // nesting too deep for the parser's stack: location unknown
  }
}

/** V8's JSON.parse message without its position suffix ("… in JSON at position 12", "(line 1 column 13)"). */
export function cleanJsonMessage(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/ \(line \d+ column \d+\)/, '');
}

/** Line of the first JSON syntax error: from jsonc-parser, else from V8's message (`message`), else 1. */
export function jsonErrorLine(text: string, message: string): number {
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, STRICT);
  } catch {
    // nesting too deep for the parser's stack: fall back to V8's position
  }
  if (errors.length) return lineAt(text, errors[0].offset);
  const lc = /\(line (\d+) column \d+\)/.exec(message);
  if (lc) return Number(lc[1]);
  const pos = /at position (\d+)/.exec(message);
  return pos ? lineAt(text, Number(pos[1])) : 1;
}

/** 1-based lines where each element of the array at `path` starts, in one pass; empty when there is no such array. */
export function jsonElementLines(text: string, path: JsonPath): number[] {
  let node;
  try {
    const root = parseTree(text, [], STRICT);
    node = root && findNodeAtLocation(root, [...path]);
  } catch {
    return []; // nesting too deep for the parser's stack
  }
  if (node?.type !== 'array' || !node.children) return [];
  const lines: number[] = [];
  let line = 1;
  let from = 0;
  for (const { offset } of node.children) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      from = i + 1;
    }
    lines.push(line);
  }
  return lines;
}
