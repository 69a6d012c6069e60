/** `llm-cost mcp`: serves the CLI's commands as MCP tools over stdio until stdin closes. */
import { parseArgs } from '../args';
import { EXIT, UsageError } from '../errors';
import type { CliIo } from '../io';
import { MCP_HELP } from '../help';
import type { CliRunner } from '../mcp/server';

/** Starts the server; `run` is the CLI's own main(), which each tool call runs in-process. */
export async function runMcp(argv: readonly string[], io: CliIo, run: CliRunner): Promise<number> {
  const args = parseArgs('mcp', argv, { help: { type: 'boolean', short: 'h' } });
  if (args.flag('help')) {
    io.stdout.write(MCP_HELP);
    return EXIT.ok;
  }
  if (args.positionals.length) throw new UsageError(`'mcp' takes no arguments, got '${args.positionals[0]}'`);
  // The SDK loads only when serving, so other commands start as fast as before.
  const { serveStdio } = await import('../mcp/server');
  await serveStdio(run, io);
  return EXIT.ok;
}
