import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const chat = path.join(root, 'test/fixtures/prompts/chat.json');
const at = '2026-11-25T12:00:00Z';
const prompt = 'Summarise the attached report in three bullet points, then list open questions.\n';

interface ToolResult {
  readonly isError?: boolean;
  readonly content: readonly { readonly type: string; readonly text?: string }[];
}

function cliJson(args: string[], input?: string): unknown {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', env: { ...process.env, XAI_API_KEY: '' } });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

function textOf(result: ToolResult): string {
  const first = result.content[0];
  assert.equal(first.type, 'text');
  return first.text ?? '';
}

describe('llm-cost mcp (the SDK client over stdio against dist/cli.js)', function () {
  let client: Client;
  const transportErrors: Error[] = [];
  const serverStderr: string[] = [];

  before(async function () {
    if (!existsSync(cli)) {
      console.log('    skipped: dist/cli.js is missing; run `npm run build` first (npm test does)');
      this.skip();
    }
    const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => serverStderr.push(chunk.toString()));
    client = new Client({ name: 'llm-cost-test', version: '1.0.0' });
    client.onerror = (err) => transportErrors.push(err);
    await client.connect(transport);
  });

  after(async () => {
    await client?.close();
  });

  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

  it('answers initialize with its name and lists the four tools with input schemas', async () => {
    assert.equal(client.getServerVersion()?.name, 'llm-cost');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['count', 'estimate', 'models', 'usage']);
    const estimate = tools.find((t) => t.name === 'estimate');
    assert.ok(estimate?.inputSchema.properties && 'text' in estimate.inputSchema.properties && 'models' in estimate.inputSchema.properties);
  });

  it('estimate returns the same figures as `estimate --json` for the same text', async () => {
    const args = { text: prompt, models: ['deepseek-flash', 'mistral-medium-2604', 'grok-4.3'], ratio: 0.5, cacheHit: 0.25, at };
    const result = await call('estimate', args);
    assert.ok(!result.isError, textOf(result));
    const expected = cliJson(
      [
        'estimate',
        '--json',
        '--model',
        'deepseek-flash',
        '--model',
        'mistral-medium-2604',
        '--model',
        'grok-4.3',
        '--ratio',
        '0.5',
        '--cache-hit',
        '0.25',
        '--at',
        at,
        '-',
      ],
      prompt,
    );
    assert.deepEqual(JSON.parse(textOf(result)), expected);
  });

  it('estimate and count read a prompt file as the CLI does (chat template included)', async () => {
    const estimated = await call('estimate', { file: chat, models: ['deepseek-flash'], outputTokens: 100, at });
    assert.deepEqual(
      JSON.parse(textOf(estimated)),
      cliJson(['estimate', '--json', '--model', 'deepseek-flash', '--output-tokens', '100', '--at', at, chat]),
    );
    const counted = await call('count', { file: chat, model: 'mistral-medium-2604' });
    const expected = cliJson(['count', '--json', '--model', 'mistral-medium-2604', chat]) as { tokens: number; format: string };
    assert.deepEqual(JSON.parse(textOf(counted)), expected);
    assert.equal(expected.format, 'chat-json');
  });

  it('models and usage mirror their --json output', async () => {
    const models = await call('models', { provider: 'deepseek' });
    // `at` is each run's own "now"; everything else must match.
    const withoutNow = (json: unknown) => ({ ...(json as object), at: null });
    assert.deepEqual(withoutNow(JSON.parse(textOf(models))), withoutNow(cliJson(['models', '--json', '--provider', 'deepseek'])));
    const usage = await call('usage', {
      model: 'deepseek-chat',
      at: '2025-01-15',
      cacheHitTokens: 1_000_000,
      cacheMissTokens: 2_000_000,
      outputTokens: 500_000,
    });
    // 0.014 + 0.28 + 0.14
    assert.equal((JSON.parse(textOf(usage)) as { total: number }).total, 0.434);
  });

  it('reports bad arguments as tool errors and keeps serving', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['estimate', { text: prompt, ratio: -1 }, /ratio/],
      ['estimate', { text: prompt, models: ['deepsek-flash'] }, /unknown model 'deepsek-flash'.*deepseek-flash/],
      ['estimate', { models: ['deepseek-flash'] }, /exactly one of "text" and "file"/],
      ['count', { text: prompt }, /model/],
      ['count', { file: path.join(root, 'no-such-file.txt'), model: 'deepseek-flash' }, /no such file/],
      ['usage', { model: 'deepseek-chat', inputTokens: 1.5, outputTokens: 1 }, /inputTokens|integer/i],
    ];
    for (const [name, args, message] of cases) {
      const result = await call(name, args);
      assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} should fail`);
      assert.match(textOf(result), message);
    }
    const still = await call('count', { text: 'still here', model: 'deepseek-flash' });
    assert.ok(!still.isError);
    assert.ok((JSON.parse(textOf(still)) as { tokens: number }).tokens > 0);
  });

  it('wrote nothing but protocol messages to stdout', () => {
    assert.deepEqual(transportErrors.map(String), []);
    assert.equal(serverStderr.join(''), '');
  });
});
