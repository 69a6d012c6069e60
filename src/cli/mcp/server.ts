/** `llm-cost mcp`: the Model Context Protocol over stdio; every tool is an in-process `llm-cost … --json` run. */
import { Readable } from 'node:stream';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { version } from '../../../package.json';
import type { CliIo } from '../io';
import { commandLine, countInput, estimateInput, modelsInput, usageInput } from './tools';

/** Runs the CLI in-process with captured output (the MCP server passes `main`). */
export type CliRunner = (argv: readonly string[], io: CliIo) => Promise<number>;

/** The server with its four tools; not yet connected. */
export function createMcpServer(run: CliRunner, env: CliIo['env']): McpServer {
  const server = new McpServer({ name: 'llm-cost', version });
  const call = (argv: string[], text?: string) => runCaptured(run, argv, env, text);
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

  server.registerTool(
    'estimate',
    {
      title: 'Estimate prompt cost',
      description:
        "What sending a prompt costs on DeepSeek, Mistral and Grok models: tokens counted with each model's own tokenizer (chat template included for prompt files), input, cache saving, projected output and total, as the JSON of `llm-cost estimate --json` (exact decimal strings beside numbers). Nothing is sent anywhere.",
      inputSchema: estimateInput,
      annotations: readOnly,
    },
    async (input) => withInput(input, (text) => call(commandLine('estimate', input, { models: 'model' }), text)),
  );
  server.registerTool(
    'count',
    {
      title: 'Count prompt tokens',
      description: "The token count of a prompt for one model with that model's own tokenizer, as `llm-cost count --json`.",
      inputSchema: countInput,
      annotations: readOnly,
    },
    async (input) => withInput(input, (text) => call(commandLine('count', input), text)),
  );
  server.registerTool(
    'models',
    {
      title: 'List models and prices',
      description:
        'The price catalog: models, prices per million tokens, context windows, tokenizers, sources, as `llm-cost models --json`.',
      inputSchema: modelsInput,
      annotations: readOnly,
    },
    async (input) => call(commandLine('models', input)),
  );
  server.registerTool(
    'usage',
    {
      title: 'Price tokens already used',
      description:
        'The bill for tokens already used, with the prices in force then, as `llm-cost usage --json`. Give cacheHitTokens + cacheMissTokens + outputTokens, inputTokens + outputTokens, or totalTokens + inputShare.',
      inputSchema: usageInput,
      annotations: readOnly,
    },
    async (input) => call(commandLine('usage', input)),
  );
  return server;
}

/** Serves on stdin/stdout until stdin closes; stdout carries protocol messages only. */
export async function serveStdio(run: CliRunner, io: CliIo): Promise<void> {
  const server = createMcpServer(run, io.env);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport());
  await closed;
}

/** Exactly one of text and file. */
async function withInput(
  input: { readonly text?: string; readonly file?: string },
  then: (text: string | undefined) => Promise<CallToolResult>,
): Promise<CallToolResult> {
  if ((input.text === undefined) === (input.file === undefined)) return failure('give exactly one of "text" and "file"');
  return then(input.text);
}

/** One CLI run: its JSON as the result, its warnings as a second text block, its error line as a tool error. */
async function runCaptured(run: CliRunner, argv: readonly string[], env: CliIo['env'], text?: string): Promise<CallToolResult> {
  let stdout = '';
  let stderr = '';
  const stdin = text === undefined ? Object.assign(Readable.from([]), { isTTY: true }) : Readable.from([Buffer.from(text, 'utf8')]);
  const code = await run(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin,
    // No key: the tools never call xAI (--exact is not offered).
    env: { ...env, XAI_API_KEY: undefined },
  });
  const notes = stderr.trim();
  if (stdout === '') return failure(notes.replace(/^llm-cost: /gm, '') || `llm-cost exited with code ${code}`);
  const content: CallToolResult['content'] = [{ type: 'text', text: stdout.trimEnd() }];
  if (notes) content.push({ type: 'text', text: notes });
  return { content };
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}
