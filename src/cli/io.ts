/** The CLI's connection to the outside world, passed in so tests can run main() in-process. */
import { readFile } from 'node:fs/promises';
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

/** Reads FILE, or stdin for "-" or no FILE; rejects unreadable, binary and non-UTF-8 input. */
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
    bytes = await readFile(file);
  } catch (err) {
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
  if (bytes.includes(0)) throw new UsageError(`${label} looks like a binary file (it contains NUL bytes); give a text file`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${label} is not valid UTF-8 text; convert it to UTF-8 first`);
  }
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
