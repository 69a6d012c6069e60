import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type * as vscode from 'vscode';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';
import type { ModelEntry } from '../../src/core/catalog/types';
import { countDocument } from '../../src/core/prompt/document';
import type { DocumentCount } from '../../src/core/prompt/documentCount';
import type { Notifier } from '../../src/host/config/notifier';
import type { Subject } from '../../src/host/subject/subject';
import { XAI_KEY_SECRET, XaiExactCounter } from '../../src/host/counting/xaiCounter';

const catalog = defaultCatalog();
const KEY = 'unit-test-key-123';

function model(id: string): ModelEntry {
  const m = findModel(catalog, id);
  assert.ok(m, id);
  return m;
}

/** SecretStorage in memory, firing onDidChange like VS Code's. */
function secrets(initial?: string) {
  const values = new Map<string, string>(initial ? [[XAI_KEY_SECRET, initial]] : []);
  const listeners: ((e: { key: string }) => void)[] = [];
  const storage = {
    get: (key: string) => Promise.resolve(values.get(key)),
    store: (key: string, value: string) => {
      values.set(key, value);
      listeners.forEach((l) => l({ key }));
      return Promise.resolve();
    },
    delete: (key: string) => {
      values.delete(key);
      listeners.forEach((l) => l({ key }));
      return Promise.resolve();
    },
    keys: () => Promise.resolve([...values.keys()]),
    onDidChange: (listener: (e: { key: string }) => void) => {
      listeners.push(listener);
      return { dispose: () => undefined };
    },
  };
  return storage as unknown as vscode.SecretStorage;
}

function harness(key?: string) {
  const shown: { severity: string; message: string }[] = [];
  const notifier = {
    show: (severity: string, message: string) => {
      shown.push({ severity, message });
      return Promise.resolve(undefined);
    },
  } as unknown as Notifier;
  const log = { warn: () => undefined } as unknown as vscode.LogOutputChannel;
  const store = secrets(key);
  return { counter: new XaiExactCounter(store, log, notifier), shown, store };
}

function subjectOf(parts: string[]): Subject {
  return { parts, label: 'selection', selections: parts.length, length: parts.join('').length, key: parts.join('|') };
}

function estimates(parts: string[], ids: string[]): Map<string, DocumentCount> {
  const counts = new Map<string, DocumentCount>();
  for (const id of ids) {
    const per = parts.map((p) => countDocument(p, undefined, model(id)));
    counts.set(id, { ...per[0], tokens: per.reduce((n, c) => n + c.tokens, 0) });
  }
  return counts;
}

describe('XaiExactCounter (host, with a local tokenize-text stand-in)', () => {
  const seen: { text: string; host: string }[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      const { text } = JSON.parse(body) as { text: string };
      seen.push({ text, host: req.headers.host ?? '' });
      if (status !== 200 || req.headers.authorization !== `Bearer ${KEY}`) {
        res.writeHead(status === 200 ? 401 : status).end('{"error":"no"}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token_ids: [...text].map((_, i) => i) }));
    });
  });
  let base = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen.length = 0;
    status = 200;
  });

  it("replaces only xAI models' counts, summing one request per selection, and marks them exact", async () => {
    const { counter } = harness(KEY);
    const parts = ['first selection', 'second, longer selection'];
    const counts = estimates(parts, ['grok-4.7', 'deepseek-flash']);
    const deepseek = counts.get('deepseek-flash');
    await counter.refine(
      counts,
      subjectOf(parts),
      new Map([
        ['grok-4.7', model('grok-4.7')],
        ['deepseek-flash', model('deepseek-flash')],
      ]),
      base,
      () => false,
    );
    const grok = counts.get('grok-4.7')!;
    assert.equal(grok.tokens, [...parts[0]].length + [...parts[1]].length + grok.templateTokens);
    assert.equal(grok.exact, true);
    assert.equal(grok.errorBand, undefined);
    assert.equal(counts.get('deepseek-flash'), deepseek, 'other providers untouched');
    assert.deepEqual(
      seen.map((s) => s.text),
      parts,
    );
  });

  it('asks again after the base URL changes (a new endpoint, a new cache), not for the same endpoint', async () => {
    const { counter } = harness(KEY);
    const parts = ['cached text'];
    const models = new Map([['grok-4.7', model('grok-4.7')]]);
    await counter.refine(estimates(parts, ['grok-4.7']), subjectOf(parts), models, base, () => false);
    await counter.refine(estimates(parts, ['grok-4.7']), subjectOf(parts), models, base, () => false);
    assert.equal(seen.length, 1);
    await counter.refine(estimates(parts, ['grok-4.7']), subjectOf(parts), models, base.replace('127.0.0.1', 'localhost'), () => false);
    assert.equal(seen.length, 2);
    assert.match(seen[1].host, /^localhost:/);
  });

  it('without a key: one warning, estimates kept, nothing sent', async () => {
    const { counter, shown } = harness();
    const parts = ['no key'];
    for (let i = 0; i < 3; i++) {
      const counts = estimates(parts, ['grok-4.7']);
      await counter.refine(counts, subjectOf(parts), new Map([['grok-4.7', model('grok-4.7')]]), base, () => false);
      assert.equal(counts.get('grok-4.7')!.exact, false);
    }
    assert.equal(seen.length, 0);
    assert.equal(shown.length, 1);
    assert.match(shown[0].message, /no xAI API key/);
  });

  it('a refused key warns once per key; storing a new key warns again on failure', async () => {
    const { counter, shown, store } = harness('wrong-key-000');
    const models = new Map([['grok-4.7', model('grok-4.7')]]);
    for (const text of ['a', 'b']) {
      const counts = estimates([text], ['grok-4.7']);
      await counter.refine(counts, subjectOf([text]), models, base, () => false);
      assert.equal(counts.get('grok-4.7')!.exact, false);
    }
    assert.equal(shown.filter((m) => /unauthori[sz]ed/.test(m.message)).length, 1);
    await store.store(XAI_KEY_SECRET, 'another-wrong-key');
    await counter.refine(estimates(['c'], ['grok-4.7']), subjectOf(['c']), models, base, () => false);
    assert.equal(shown.filter((m) => /unauthori[sz]ed/.test(m.message)).length, 2);
  });

  it('a cancelled request leaves the estimate in place', async () => {
    const { counter } = harness(KEY);
    const counts = estimates(['cancel me'], ['grok-4.7']);
    const before = counts.get('grok-4.7');
    await counter.refine(counts, subjectOf(['cancel me']), new Map([['grok-4.7', model('grok-4.7')]]), base, () => true);
    assert.equal(counts.get('grok-4.7'), before);
    assert.equal(seen.length, 0);
  });
});
