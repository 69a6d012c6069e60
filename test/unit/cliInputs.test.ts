import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeText } from '../../src/core/prompt/decodeText';
import { runCli } from '../fixtures/cli/fakeIo';

const TEXT = 'Summarize this in three bullet points: ünïcödé.';

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

describe('text decoding (core helper the CLI and the extension share)', () => {
  it('decodes UTF-16 LE and BE with a BOM, and UTF-8 with or without one, to the same text', () => {
    for (const bytes of [
      utf16(TEXT, 'le'),
      utf16(TEXT, 'be'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      Buffer.from(TEXT),
    ]) {
      const decoded = decodeText(bytes);
      assert.ok('text' in decoded, JSON.stringify(decoded));
      assert.equal(decoded.text, TEXT);
    }
  });
  it('still refuses binary and invalid text', () => {
    assert.deepEqual(decodeText(Buffer.from([0x61, 0x00, 0x62])), { problem: 'looks like a binary file (it contains NUL bytes)' });
    assert.deepEqual(decodeText(Buffer.from([0xc3, 0x28])), { problem: 'is not valid UTF-8 text' });
  });
});

describe('llm-cost inputs', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'llm-cost-inputs-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('counts a UTF-16 LE file with a BOM as text (it was "binary (contains NUL bytes)")', async () => {
    const file = path.join(dir, 'utf16.txt');
    writeFileSync(file, utf16(TEXT, 'le'));
    const plain = path.join(dir, 'utf8.txt');
    writeFileSync(plain, TEXT);
    const a = await runCli(['count', '--json', '--model', 'deepseek-flash', file]);
    const b = await runCli(['count', '--json', '--model', 'deepseek-flash', plain]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal((JSON.parse(a.stdout) as { tokens: number }).tokens, (JSON.parse(b.stdout) as { tokens: number }).tokens);
  });

  it('refuses a character device at once with one line (/dev/zero hung until killed)', async () => {
    const r = await runCli(['count', '--model', 'deepseek-flash', '/dev/zero']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'llm-cost: cannot read /dev/zero: it is a character device, not a file (pipe its text on stdin instead)\n');
  });

  it('refuses a FIFO with no writer instead of waiting for one', async function () {
    const fifo = path.join(dir, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      console.log('      (skipped: mkfifo is not available on this system)');
      this.skip();
    }
    const r = await runCli(['count', '--model', 'deepseek-flash', fifo]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^llm-cost: cannot read .*pipe: it is a FIFO \(named pipe\), not a file/);
  });

  it('names the largest count accepted when a number is too large', async () => {
    const r = await runCli(['usage', '--model', 'deepseek-flash', '--input-tokens', '9007199254740993', '--output-tokens', '0']);
    assert.equal(r.code, 2);
    assert.equal(
      r.stderr,
      "llm-cost: --input-tokens: '9007199254740993' is too large; the largest count accepted is 9,007,199,254,740,991\n",
    );
    const bad = await runCli(['usage', '--model', 'deepseek-flash', '--input-tokens', '12x', '--output-tokens', '0']);
    assert.match(bad.stderr, /is not a whole number of tokens/);
  });
});
