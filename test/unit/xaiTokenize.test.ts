import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XaiCountCache, XaiTokenizeError, xaiExactCount } from '../../src/core/remote/xaiTokenize';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/** A loopback stand-in for api.x.ai that records what it was sent. */
async function startServer(handler: Handler): Promise<{ server: Server; baseUrl: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}`, seen };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Answers like the real endpoint: one {token_id, string_token, token_bytes} per UTF-8 word-ish piece. */
const realisticAnswer: Handler = (_req, res, body) => {
  const { text } = JSON.parse(body) as { text: string };
  const pieces = text.match(/\s?\S+/g) ?? [];
  const tokenIds = pieces.map((p, i) => ({ token_id: 1000 + i, string_token: p, token_bytes: [...Buffer.from(p, 'utf8')] }));
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ token_ids: tokenIds }));
};

async function rejection(p: Promise<unknown>): Promise<XaiTokenizeError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof XaiTokenizeError, `expected XaiTokenizeError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a rejection');
}

describe('xaiExactCount against a loopback server', function () {
  this.timeout(10_000);
  let server: Server | undefined;
  afterEach(async () => {
    if (server) await stop(server);
    server = undefined;
  });

  it('posts {model, text} with the bearer key and counts the token_ids objects', async () => {
    const s = await startServer(realisticAnswer);
    server = s.server;
    const n = await xaiExactCount('grok-4', 'Hello world, how are you?', { apiKey: 'xai-test-key', baseUrl: s.baseUrl });
    assert.equal(n, 5);
    assert.equal(s.seen.length, 1);
    const [req] = s.seen;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/v1/tokenize-text');
    assert.equal(req.authorization, 'Bearer xai-test-key');
    assert.match(req.contentType ?? '', /^application\/json/);
    assert.deepEqual(JSON.parse(req.body), { model: 'grok-4', text: 'Hello world, how are you?' });
  });

  it('accepts a plain list of numeric ids too', async () => {
    const s = await startServer((_q, res) => res.end(JSON.stringify({ token_ids: [1, 2, 3, 4, 5, 6, 7] })));
    server = s.server;
    assert.equal(await xaiExactCount('grok-3', 'x', { apiKey: 'k', baseUrl: `${s.baseUrl}/` }), 7);
  });

  it('401 → unauthorized, with a message naming the key', async () => {
    const s = await startServer((_q, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'Incorrect API key provided' }));
    });
    server = s.server;
    const e = await rejection(xaiExactCount('grok-4', 'hi', { apiKey: 'bad', baseUrl: s.baseUrl }));
    assert.equal(e.kind, 'unauthorized');
    assert.equal(e.message, 'xAI tokenize-text: unauthorised (401): check the API key');
  });

  it('500 → http, with the status and the server message', async () => {
    const s = await startServer((_q, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'internal error' }));
    });
    server = s.server;
    const e = await rejection(xaiExactCount('grok-4', 'hi', { apiKey: 'k', baseUrl: s.baseUrl }));
    assert.equal(e.kind, 'http');
    assert.equal(e.status, 500);
    assert.equal(e.message, 'xAI tokenize-text: the server answered 500: internal error');
  });

  it('malformed JSON → bad-response; JSON without token_ids → bad-response', async () => {
    let answer = '{"token_ids": [1, 2';
    const s = await startServer((_q, res) => res.end(answer));
    server = s.server;
    const e1 = await rejection(xaiExactCount('grok-4', 'hi', { apiKey: 'k', baseUrl: s.baseUrl }));
    assert.equal(e1.kind, 'bad-response');
    answer = '{"tokens": 3}';
    const e2 = await rejection(xaiExactCount('grok-4', 'hi', { apiKey: 'k', baseUrl: s.baseUrl }));
    assert.equal(e2.kind, 'bad-response');
    assert.match(e2.message, /no token_ids/);
  });

  it('a slow answer hits the timeout', async () => {
    const s = await startServer((_q, res) => {
      const t = setTimeout(() => res.end('{"token_ids":[]}'), 3000);
      res.on('close', () => clearTimeout(t));
    });
    server = s.server;
    const started = Date.now();
    const e = await rejection(xaiExactCount('grok-4', 'hi', { apiKey: 'k', baseUrl: s.baseUrl, timeoutMs: 150 }));
    assert.equal(e.kind, 'timeout');
    assert.equal(e.message, 'xAI tokenize-text: timed out after 150 ms');
    assert.ok(Date.now() - started < 2500, 'gave up long before the server answered');
  });

  it('the default timeout is described as 10 s', async () => {
    // A fetch that never settles until aborted: proves the default (10 000 ms) without waiting on a real server.
    const timers: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const fakeFetch: typeof fetch = (_u, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted')));
      });
    globalThis.setTimeout = ((fn: () => void, ms: number) => {
      timers.push(ms);
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout;
    try {
      const e = await rejection(xaiExactCount('grok-4', 'hi', { apiKey: 'k', fetchImpl: fakeFetch }));
      assert.equal(e.kind, 'timeout');
      assert.equal(e.message, 'xAI tokenize-text: timed out after 10 s');
      assert.deepEqual(timers, [10_000]);
    } finally {
      globalThis.setTimeout = realSetTimeout;
    }
  });

  it('a closed port → offline', async () => {
    const s = await startServer(realisticAnswer);
    await stop(s.server);
    const e = await rejection(xaiExactCount('grok-4', 'hi', { apiKey: 'k', baseUrl: s.baseUrl, timeoutMs: 2000 }));
    assert.equal(e.kind, 'offline');
    assert.match(e.message, /^xAI tokenize-text: offline or unreachable/);
  });

  it('a cache hit sends nothing: the server sees one request for two calls', async () => {
    const s = await startServer(realisticAnswer);
    server = s.server;
    const cache = new XaiCountCache();
    const opts = { apiKey: 'k', baseUrl: s.baseUrl, cache };
    assert.equal(await xaiExactCount('grok-4', 'one two three', opts), 3);
    assert.equal(await xaiExactCount('grok-4', 'one two three', opts), 3);
    assert.equal(s.seen.length, 1);
    await xaiExactCount('grok-3', 'one two three', opts);
    assert.equal(s.seen.length, 2, 'another model is another key');
  });

  it('a failed call is not cached', async () => {
    let fail = true;
    const s = await startServer((req, res, body) => {
      if (fail) {
        res.writeHead(503);
        res.end();
      } else realisticAnswer(req, res, body);
    });
    server = s.server;
    const cache = new XaiCountCache();
    await rejection(xaiExactCount('grok-4', 'a b', { apiKey: 'k', baseUrl: s.baseUrl, cache }));
    fail = false;
    assert.equal(await xaiExactCount('grok-4', 'a b', { apiKey: 'k', baseUrl: s.baseUrl, cache }), 2);
    assert.equal(s.seen.length, 2);
  });
});

describe('XaiCountCache', () => {
  it('keys by model and sha256 of the text, never the text itself', () => {
    const key = XaiCountCache.key('grok-4', 'secret prompt text');
    assert.ok(!key.includes('secret'));
    assert.ok(key.startsWith('grok-4\u0000'));
    assert.match(key.slice('grok-4'.length + 1), /^[0-9a-f]{64}$/);
    assert.notEqual(key, XaiCountCache.key('grok-4', 'secret prompt text!'));
  });

  it('is bounded and evicts the least recently used entry', () => {
    const cache = new XaiCountCache(3);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    assert.equal(cache.get('a'), 1); // a is now the most recent
    cache.set('d', 4);
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('d'), 4);
  });

  it('holds at most 500 entries by default', () => {
    const cache = new XaiCountCache();
    for (let i = 0; i < 600; i++) cache.set(XaiCountCache.key('m', String(i)), i);
    assert.equal(cache.size, 500);
    assert.equal(cache.get(XaiCountCache.key('m', '0')), undefined);
    assert.equal(cache.get(XaiCountCache.key('m', '599')), 599);
  });
});
