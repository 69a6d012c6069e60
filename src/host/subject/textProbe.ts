/** Tells a binary file from a text file that is still loading, from its first bytes, without reading it all. */
import { open } from 'node:fs/promises';
import type * as vscode from 'vscode';

const PROBE_BYTES = 8192;

/** 'binary' when the first 8 KB of a local file hold a NUL byte; 'text' otherwise, or when it cannot be read here. */
export async function probeFile(uri: vscode.Uri): Promise<'binary' | 'text'> {
  if (uri.scheme !== 'file') return 'text';
  try {
    const handle = await open(uri.fsPath, 'r');
    try {
      const buffer = Buffer.alloc(PROBE_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, PROBE_BYTES, 0);
      return buffer.subarray(0, bytesRead).includes(0) ? 'binary' : 'text';
    } finally {
      await handle.close();
    }
  } catch {
    return 'text';
  }
}
