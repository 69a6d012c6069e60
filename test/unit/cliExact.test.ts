import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { runCli } from '../fixtures/cli/fakeIo';

const hello = path.resolve(__dirname, '../../test/fixtures/cli/hello.txt');
const chat = path.resolve(__dirname, '../../test/fixtures/cli/chat.json');
const KEY = 'test-key';
const EXACT_TOKENS = 42;

interface Received {
  auth: string | undefined;
  body: { model: string; text: string };
}

/** A stand-in for xAI's POST /v1/tokenize-text: 42 token ids for any text, 401 for a wrong key. */
function startServer(received: Received[]): Promise<Server> {
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) as Received['body'] });
      if (req.method !== 'POST' || req.url !== '/v1/tokenize-text') {
        res.writeHead(404).end();
      } else if (req.headers.authorization !== `Bearer ${KEY}`) {
        res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: 'Incorrect API key provided' }));
      } else {
        const ids = Array.from({ length: EXACT_TOKENS }, (_, i) => ({ token_id: i, string_token: 'x', token_bytes: [120] }));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token_ids: ids }));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('llm-cost --exact (xAI tokenize-text against a local server)', () => {
  const received: Received[] = [];
  let server: Server;
  let env: Record<string, string>;

  before(async () => {
    server = await startServer(received);
    env = { XAI_API_KEY: KEY, LLM_COST_XAI_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
  });

  it('counts a Grok prompt exactly and sends the model and text', async () => {
    const r = await runCli(['count', '--model', 'grok-4.7', '--exact', '--json', hello], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const c = JSON.parse(r.stdout) as { tokens: number; exact: boolean; errorBand: unknown; source: string };
    assert.equal(c.tokens, EXACT_TOKENS);
    assert.equal(c.exact, true);
    assert.equal(c.errorBand, null);
    assert.equal(c.source, 'xai-tokenize-text');
    assert.equal(received.length, 1);
    assert.equal(received[0].auth, `Bearer ${KEY}`);
    assert.deepEqual(received[0].body, { model: 'grok-4.7', text: 'Hello, world! This is a plain prompt.\n' });
  });
  it('prices the exact count in estimate', async () => {
    const r = await runCli(['estimate', '--model', 'grok-4.7', '--exact', '--output-tokens', '0', '--json', hello], { env });
    const m = (JSON.parse(r.stdout) as { models: { tokens: number; exact: boolean; totalExact: string }[] }).models[0];
    assert.equal(m.tokens, EXACT_TOKENS);
    assert.equal(m.exact, true);
    // 42 tokens × $2.00 per million = 0.000084
    assert.equal(m.totalExact, '0.000084');
    const table = await runCli(['estimate', '--model', 'grok-4.7', '--exact', hello], { env });
    assert.match(table.stdout, /^grok-4\.7\s+42\s/m, 'no ≈ on an exact count');
  });
  it('sends nothing without --exact, and nothing for models counted exactly offline', async () => {
    await runCli(['count', '--model', 'grok-4.7', hello], { env });
    await runCli(['count', '--model', 'deepseek-flash', '--exact', hello], { env });
    assert.equal(received.length, 0);
  });
  it('falls back to the estimate with one warning for a wrong key', async () => {
    const r = await runCli(['estimate', '--model', 'grok-4.7', '--model', 'grok-4.6', '--exact', '--json', hello], {
      env: { ...env, XAI_API_KEY: 'wrong' },
    });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^llm-cost: warning: --exact: xAI tokenize-text: unauthorised \(401\)[^\n]*; showing the Grok estimate\n$/);
    const models = (JSON.parse(r.stdout) as { models: { exact: boolean; tokens: number }[] }).models;
    assert.ok(models.every((m) => !m.exact && m.tokens > 0));
    assert.equal(received.length, 1, 'stops asking after an authorisation failure');
  });
  it('falls back with one warning when no key is set, sending nothing', async () => {
    const r = await runCli(['count', '--model', 'grok-4.7', '--exact', '--json', hello], {
      env: { LLM_COST_XAI_BASE_URL: env.LLM_COST_XAI_BASE_URL },
    });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, 'llm-cost: warning: --exact: XAI_API_KEY is not set; showing the Grok estimate\n');
    assert.equal((JSON.parse(r.stdout) as { exact: boolean }).exact, false);
    assert.equal(received.length, 0);
  });
  it('falls back with one warning when the server is unreachable', async () => {
    const closed = await startServer([]);
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await runCli(['count', '--model', 'grok-4.7', '--exact', hello], {
      env: { XAI_API_KEY: KEY, LLM_COST_XAI_BASE_URL: `http://127.0.0.1:${port}` },
    });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^llm-cost: warning: --exact: xAI tokenize-text: offline[^\n]*\n$/);
    assert.match(r.stdout, /^tokens\s+≈/m);
  });
  it('keeps the estimate for a chat prompt file, whose template xAI does not count', async () => {
    const r = await runCli(['count', '--model', 'grok-4.7', '--exact', '--json', chat], { env });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /xAI counts plain text only/);
    assert.equal((JSON.parse(r.stdout) as { exact: boolean }).exact, false);
    assert.equal(received.length, 0);
  });
});
