import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { probeFile } from '../../src/host/subject/textProbe';

const fileUri = (fsPath: string) => ({ scheme: 'file', fsPath }) as vscode.Uri;

describe('file tab probe (no warning while a big text file is still loading)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-probe-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('calls a file with a NUL byte in its first 8 KB binary', async () => {
    const file = path.join(dir, 'blob.bin');
    fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
    assert.equal(await probeFile(fileUri(file)), 'binary');
  });

  it('calls a 2 MB text file text, reading only its start (a NUL byte after 8 KB is not seen)', async () => {
    const file = path.join(dir, 'big.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('word '.repeat(400_000)), Buffer.from([0])]));
    assert.equal(await probeFile(fileUri(file)), 'text');
  });

  it('does not call a file it cannot read, or a remote one, binary', async () => {
    assert.equal(await probeFile(fileUri(path.join(dir, 'missing.txt'))), 'text');
    assert.equal(await probeFile({ scheme: 'vscode-remote', fsPath: '/x' } as vscode.Uri), 'text');
  });
});
