// Deterministic workspace files for the editor benchmark, and their expected counts from the CLI (the same core).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const WORDS = (
  'the of and to in is that for it as with was on be by this are or at from model prompt token cost price window ' +
  'review summarize changes release function return value error request response cache output input budget'
).split(' ');

/** Lines of pseudo-random prose (fixed seed), at most `chars` characters in all, each line about 80 characters. */
function prose(chars, seed) {
  let state = seed;
  const lines = [];
  let total = 0;
  while (total < chars) {
    let line = '';
    while (line.length < 72) {
      state = (state * 1103515245 + 12345) % 2147483648;
      line += (line ? ' ' : '') + WORDS[(state >>> 16) % WORDS.length];
    }
    line = line.charAt(0).toUpperCase() + line.slice(1) + '.';
    lines.push(line);
    total += line.length + 1;
  }
  return lines.join('\n').slice(0, chars);
}

export const TYPING_MARKER = 'BENCHTYPING';

/** Writes the files; returns, per scenario, the text that will be selected and the whole document's text. */
export function writeWorkspace(dir) {
  const line600 = prose(600, 7).replace(/\n/g, ' ');
  const short = `${line600}\n${prose(400, 11)}\n`;
  const block = prose(100 * 1024, 13).replace(/\n$/, 'x');
  const hundred = `${block}\n${prose(70, 17).replace(/\n/g, ' ')}`;
  const big = `${TYPING_MARKER}:\n${prose(2 * 1024 * 1024, 19)}\n`;
  const files = { 'short.txt': short, 'hundred.txt': hundred, 'big.txt': big };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { line600, short, block, hundred, big };
}

/** The token count the CLI gives for a text and model. */
export function cliTokens(root, text, model) {
  const out = execFileSync('node', [path.join(root, 'dist/cli.js'), 'count', '--model', model, '--json', '-'], {
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out).tokens;
}

/** A pattern matching the status bar text that shows `tokens`, after any icon (`$(error)` when it does not fit). */
export function figurePattern(tokens) {
  return `(?:^|[^\\d,])≈?${tokens.toLocaleString('en-US')} tok`;
}
