import * as assert from 'node:assert/strict';
import path from 'node:path';
import { runCli } from '../fixtures/cli/fakeIo';

const hello = path.resolve(__dirname, '../../test/fixtures/cli/hello.txt');
const MODELS = ['--model', 'deepseek-flash', '--model', 'mistral-large-2512', '--model', 'grok-4.3'];

interface ModelJson {
  model: string;
  tokens: number;
  inputExact: string;
  cacheSavingExact: string;
  outputExact: string;
  totalExact: string;
  contextUsed: number | null;
  fits: boolean;
}

async function out(args: string[]): Promise<string> {
  const r = await runCli(['estimate', ...args]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

/** Splits one CSV line (no quoted commas in these rows). */
const csvCells = (line: string) => line.split(',');

describe('estimate --format table|md|csv|json', () => {
  it('csv prints a header and one row per model with the exact amounts of --json', async () => {
    const args = [...MODELS, '--cache-hit', '0.3', '--ratio', '0.7', hello];
    const csv = (await out(['--format', 'csv', ...args])).split('\r\n');
    assert.equal(csv.pop(), '', 'ends with a line break');
    assert.deepEqual(csvCells(csv[0]), [
      'model',
      'tokens',
      'input',
      'cache saving',
      'output',
      'total',
      'window',
      'currency',
      'tokens exact',
      'fits',
    ]);
    const json = (JSON.parse(await out(['--json', ...args])) as { models: ModelJson[] }).models;
    assert.equal(csv.length, 1 + json.length);
    json.forEach((m, i) => {
      assert.deepEqual(csvCells(csv[i + 1]), [
        m.model,
        String(m.tokens),
        m.inputExact,
        m.cacheSavingExact,
        m.outputExact,
        m.totalExact,
        String(m.contextUsed),
        'USD',
        String(m.model !== 'grok-4.3'),
        String(m.fits),
      ]);
    });
  });

  it('md has the columns and rounded figures of the table', async () => {
    const args = [...MODELS, '--currency', 'EUR', hello];
    const md = (await out(['--format', 'md', ...args])).trimEnd().split('\n');
    assert.equal(md[0], '| model | tokens | input | cache saving | output | total | window |');
    assert.equal(md[1], '|:--|--:|--:|--:|--:|--:|--:|');
    const table = (await out(args)).split('\n');
    for (const id of ['deepseek-flash', 'mistral-large-2512', 'grok-4.3']) {
      const mdCells = md
        .find((l) => l.startsWith(`| ${id} |`))!
        .slice(2, -2)
        .split(' | ');
      const tableCells = table
        .find((l) => l.startsWith(`${id} `))!
        .trim()
        .split(/\s{2,}/);
      assert.deepEqual(mdCells, tableCells, id);
    }
  });

  it('--json is --format json; a bad or contradictory format is a usage error', async () => {
    assert.equal(await out(['--format', 'json', ...MODELS, hello]), await out(['--json', ...MODELS, hello]));
    assert.equal(await out(['--format', 'table', ...MODELS, hello]), await out([...MODELS, hello]));
    for (const [args, message] of [
      [['--format', 'xlsx'], /--format: 'xlsx' is not one of table, md, csv, json/],
      [['--json', '--format', 'csv'], /--json is --format json/],
    ] as const) {
      const r = await runCli(['estimate', ...args, hello]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });
});
