/** The CLI's connection to the outside world, passed in so tests can run main() in-process. */
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { decodeText } from '../core/prompt/decodeText';
import { UsageError } from './errors';
import { errorMessage } from '../core/format/errorMessage';

export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Any async-iterable byte stream; `isTTY` true means nothing is piped in. */
  readonly stdin: AsyncIterable<Uint8Array | string> & { readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The moment "now" for prices and ages (tests pin it). */
  readonly now?: Date;
}

export interface InputText {
  readonly text: string;
  /** The file name for format detection; undefined for stdin. */
  readonly fileName?: string;
  /** How to name the input in messages: the path or "stdin". */
  readonly label: string;
}

/** Reads FILE, or stdin for "-" or no FILE; rejects devices, FIFOs, unreadable and binary input; decodes UTF-8 and UTF-16 with a BOM. */
export async function readInput(positionals: readonly string[], io: CliIo, command: string): Promise<InputText> {
  if (positionals.length > 1) throw new UsageError(`'${command}' takes one FILE (or - for stdin), got ${positionals.length}`);
  const file = positionals[0];
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdin.isTTY) {
      throw new UsageError(`no input: give a FILE, or pipe text on stdin (see 'llm-cost ${command} --help')`);
    }
    return { text: decode(await readAll(io.stdin), 'stdin'), label: 'stdin' };
  }
  let bytes: Uint8Array;
  try {
    // A device or FIFO would block or never end (/dev/zero, a pipe with no writer): refuse it before opening.
    const kind = notAFile(await stat(file));
    if (kind) throw new UsageError(`cannot read ${file}: it is ${kind}, not a file (pipe its text on stdin instead)`);
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${file}: ${describeFsError(err)}`);
  }
  return { text: decode(bytes, file), fileName: file, label: file };
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, label: string): string {
  const decoded = decodeText(bytes);
  if ('problem' in decoded) throw new UsageError(`${label} ${decoded.problem}; give a UTF-8 or UTF-16 text file`);
  return decoded.text;
}

/** "a character device", "a FIFO (named pipe)"… for anything but a regular file or directory (readFile names those). */
function notAFile(stats: Stats): string | undefined {
  if (stats.isFile() || stats.isDirectory()) return undefined;
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return errorMessage(err);
  }
}
