/** The `llm-cost` command line: models, count, estimate, usage, prices, and mcp (the same as MCP tools). */
import { version } from '../../package.json';
import { CostError } from '../core/cost/errors';
import { EXIT, UsageError } from './errors';
import type { CliIo, TextSink } from './io';
import { cliWording } from './fx';
import { closestCommand, COMMANDS, MAIN_HELP } from './help';
import { runModels } from './commands/models';
import { runCount } from './commands/count';
import { runEstimate } from './commands/estimate';
import { runUsage } from './commands/usage';
import { runMcp } from './commands/mcp';
import { runPrices } from './commands/prices';
import { errorMessage } from '../core/format/errorMessage';

export type { CliIo } from './io';

/** A command's runner; the ones that never wait return their exit code directly. */
type Command = (args: readonly string[], io: CliIo) => number | Promise<number>;

const RUNNERS: Readonly<Record<(typeof COMMANDS)[number], Command>> = {
  models: runModels,
  count: runCount,
  estimate: runEstimate,
  usage: runUsage,
  mcp: (args, io) => runMcp(args, io, main),
  prices: runPrices,
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code; never throws. */
export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { ...rawIo, stdout: reworded(rawIo.stdout), stderr: reworded(rawIo.stderr) };
  const [first, ...rest] = argv;
  try {
    if (first === undefined) {
      io.stderr.write(MAIN_HELP);
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      io.stdout.write(MAIN_HELP);
      return EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.stdout.write(`${version}\n`);
      return EXIT.ok;
    }
    const run = Object.prototype.hasOwnProperty.call(RUNNERS, first) ? RUNNERS[first as keyof typeof RUNNERS] : undefined;
    if (!run) {
      const near = closestCommand(first);
      const what = first.startsWith('-') ? `unknown option ${first}` : `unknown command '${first}'`;
      throw new UsageError(`${what}${near ? ` (did you mean '${near}'?)` : ''}; commands: ${COMMANDS.join(', ')}`);
    }
    return await run(rest, io);
  } catch (err) {
    return reportError(err, io);
  }
}

/** The core's hints name a VS Code setting; CLI users get the CLI's options instead. */
function reworded(sink: TextSink): TextSink {
  return { write: (text: string) => sink.write(cliWording(text)) };
}

/** One line on stderr: exit 2 for the user's mistakes, 1 for anything unexpected. */
function reportError(err: unknown, io: CliIo): number {
  if (err instanceof UsageError) {
    io.stderr.write(`llm-cost: ${err.message}\n`);
    return EXIT.usage;
  }
  if (err instanceof CostError) {
    const hint = err.suggestions.length ? ` (did you mean ${err.suggestions.join(', ')}?)` : '';
    io.stderr.write(`llm-cost: ${err.message}${hint}\n`);
    return EXIT.usage;
  }
  const message = errorMessage(err);
  io.stderr.write(`llm-cost: internal error: ${message.split('\n')[0]}\n`);
  return EXIT.internal;
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  void main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
