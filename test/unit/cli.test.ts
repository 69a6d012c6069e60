import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main';
import { runCli } from '../fixtures/cli/fakeIo';
import type { RunResult } from '../fixtures/cli/fakeIo';

const fixtures = path.resolve(__dirname, '../../test/fixtures/cli');
const fixture = (name: string) => path.join(fixtures, name);
const NOW = new Date('2026-11-25T12:00:00Z'); // a Wednesday, off-peak for DeepSeek

/** Exit 2 with exactly one line on stderr and no stack trace. */
function assertUsageError(r: RunResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code, stderr: ${r.stderr}`);
  assert.match(r.stderr, /^llm-cost: [^\n]+\n$/, 'one line');
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

describe('llm-cost (in-process)', () => {
  describe('top level', () => {
    it('prints help and the version', async () => {
      const help = await runCli(['--help']);
      assert.equal(help.code, 0);
      for (const cmd of ['models', 'count', 'estimate', 'usage']) assert.match(help.stdout, new RegExp(`llm-cost ${cmd}`));
      const version = await runCli(['--version']);
      assert.equal(version.code, 0);
      const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
      assert.equal(version.stdout, `${pkg.version}\n`);
    });
    it('prints help for every command with -h and --help', async () => {
      for (const cmd of ['models', 'count', 'estimate', 'usage']) {
        for (const flag of ['-h', '--help']) {
          const r = await runCli([cmd, flag]);
          assert.equal(r.code, 0);
          assert.match(r.stdout, new RegExp(`^Usage: llm-cost ${cmd}`));
          assert.equal(r.stderr, '');
        }
      }
    });
    it('documents the default output ratio in estimate --help', async () => {
      assert.match((await runCli(['estimate', '--help'])).stdout, /--ratio R .*\(default 1/);
    });
    it('rejects a missing or unknown command with a suggestion', async () => {
      const none = await runCli([]);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /Usage:/);
      assertUsageError(await runCli(['estimat']), /unknown command 'estimat' \(did you mean 'estimate'\?\)/);
      assertUsageError(await runCli(['--frob']), /unknown option --frob/);
    });
    it('reports an unexpected failure as one line with exit code 1', async () => {
      let stderr = '';
      const code = await main(['models'], {
        stdout: {
          write: () => {
            throw new Error('disk full\nsecond line');
          },
        },
        stderr: { write: (t: string) => (stderr += t) },
        stdin: Readable.from([]),
        env: {},
        now: NOW,
      });
      assert.equal(code, 1);
      assert.equal(stderr, 'llm-cost: internal error: disk full\n');
    });
  });

  describe('models', () => {
    it('lists current models with prices, off-peak and CNY rows, tiers and sources', async () => {
      const r = await runCli(['models'], { now: NOW });
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.match(lines[0], /^model\s+status\s+context\s+tokenizer\s+input\/M\s+cached\/M\s+output\/M\s+verified\s+src$/);
      const row = (start: string) => lines.find((l) => l.startsWith(start)) ?? assert.fail(`no row ${start}`);
      // pricing.md: deepseek-flash $0.30 miss / $0.006 hit / $1.20 output; off-peak half: $0.15 / $0.003 / $0.60
      assert.match(row('deepseek-flash '), /current\s+1,000,000\s+deepseek-v3\s+\$0\.30\s+\$0\.006\s+\$1\.20\s+2026-\d\d-\d\d \(/);
      const flashAt = lines.indexOf(row('deepseek-flash '));
      const sub = lines.slice(flashAt + 1, flashAt + 4).join('\n');
      assert.match(sub, /CNY list\s+¥2\.00\s+¥0\.04\s+¥8\.00/);
      assert.match(sub, /off-peak \(50%\) USD\s+\$0\.15\s+\$0\.003\s+\$0\.60/);
      // grok-4.7: $2 / $0.50 / $6, and from 200k prompt tokens $4 / $1 / $12
      assert.match(row('grok-4.7 '), /\$2\.00\s+\$0\.50\s+\$6\.00/);
      assert.match(lines[lines.indexOf(row('grok-4.7 ')) + 1], /≥200,000 prompt\s+\$4\.00\s+\$1\.00\s+\$12\.00/);
      assert.match(r.stdout, /Time of day: off-peak \(50% of the peak price\) outside Mon–Fri 01:00–04:00, 06:00–10:00 UTC/);
      assert.match(r.stdout, /\[1\] https:\/\/api-docs\.deepseek\.com\/quick_start\/pricing/);
      assert.doesNotMatch(r.stdout, /deepseek-chat/, 'retired models only with --all');
    });
    it('adds legacy and retired models with --all, and filters by provider', async () => {
      const all = await runCli(['models', '--all'], { now: NOW });
      assert.match(all.stdout, /deepseek-chat\s+retired 2026-07-24/);
      assert.match(all.stdout, /mistral-large-2411\s+legacy/);
      assert.doesNotMatch(all.stdout, /\s0k\s/, 'an unknown context window is not 0k');
      const xai = await runCli(['models', '--provider', 'xai'], { now: NOW });
      assert.equal(xai.code, 0);
      const ids = xai.stdout
        .split('\n')
        .slice(2)
        .filter((l) => /^\S/.test(l) && !l.startsWith('Prices') && !l.startsWith('['));
      assert.ok(ids.length >= 5, xai.stdout);
      for (const l of ids) assert.match(l, /^grok-/);
    });
    it('gives JSON with exact price strings and the age of each price', async () => {
      const r = await runCli(['models', '--json', '--provider', 'deepseek'], { now: NOW });
      const doc = JSON.parse(r.stdout) as {
        at: string;
        models: { id: string; period: { prices: Record<string, { input: string }>; source: { verified: string; ageDays: number } } }[];
      };
      assert.equal(doc.at, NOW.toISOString());
      const flash = doc.models.find((m) => m.id === 'deepseek-flash') ?? assert.fail('no deepseek-flash');
      assert.equal(flash.period.prices.USD.input, '0.30');
      assert.equal(flash.period.prices.CNY.input, '2');
      // age in whole UTC days from the verified date to 2026-11-25
      const [y, m, d] = flash.period.source.verified.split('-').map(Number);
      assert.equal(flash.period.source.ageDays, (Date.UTC(2026, 10, 25) - Date.UTC(y, m - 1, d)) / 86_400_000);
    });
    it('rejects an unknown provider and stray arguments', async () => {
      assertUsageError(await runCli(['models', '--provider', 'openai']), /--provider: 'openai' is not one of deepseek, mistral, xai/);
      assertUsageError(await runCli(['models', 'extra']), /takes no arguments/);
      assertUsageError(await runCli(['models', '--verbose']), /unknown option --verbose for 'models'/);
    });
  });

  describe('count', () => {
    it('counts a file and gives the JSON fields', async () => {
      const r = await runCli(['count', '--model', 'deepseek-flash', '--json', fixture('hello.txt')]);
      assert.equal(r.code, 0, r.stderr);
      const c = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.equal(c.model, 'deepseek-flash');
      assert.equal(c.tokenizer, 'deepseek-v3');
      assert.equal(typeof c.tokens, 'number');
      assert.ok((c.tokens as number) > 0);
      assert.equal(typeof c.exact, 'boolean');
      assert.equal(c.format, 'plain');
      assert.equal(c.templateTokens, 0);
      assert.equal(c.source, 'local');
    });
    it('counts stdin the same as the file, for - and for no FILE', async () => {
      const text = readFileSync(fixture('hello.txt'), 'utf8');
      const file = JSON.parse((await runCli(['count', '--model', 'grok-4.7', '--json', fixture('hello.txt')])).stdout) as {
        tokens: number;
      };
      for (const args of [['-'], []]) {
        const r = await runCli(['count', '--model', 'grok-4.7', '--json', ...args], { stdin: text });
        assert.equal(r.code, 0, r.stderr);
        assert.equal((JSON.parse(r.stdout) as { tokens: number }).tokens, file.tokens);
      }
    });
    it('marks a Grok count as an estimate with its error band', async () => {
      const r = await runCli(['count', '--model', 'grok-4.7', fixture('hello.txt')]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^tokens\s+≈\d/m);
      assert.match(r.stdout, /^error band\s+[−+]?\d+% … [−+]?\d+%/m);
      const j = JSON.parse((await runCli(['count', '--model', 'grok-4.7', '--json', fixture('hello.txt')])).stdout) as {
        exact: boolean;
        errorBand: { low: number };
      };
      assert.equal(j.exact, false);
      assert.equal(typeof j.errorBand.low, 'number');
    });
    it('counts a chat prompt file with its template tokens', async () => {
      const r = await runCli(['count', '--model', 'mistral-large-2411', '--json', fixture('chat.json')]);
      const c = JSON.parse(r.stdout) as { format: string; messages: number; templateTokens: number; tokens: number };
      assert.equal(c.format, 'chat-json');
      assert.equal(c.messages, 2);
      assert.ok(c.templateTokens > 0 && c.tokens > c.templateTokens);
    });
    it('names the line of a malformed prompt file, and counts it as plain text with --plain', async () => {
      assertUsageError(await runCli(['count', '--model', 'deepseek-flash', fixture('broken.json')]), /broken\.json:\d+: .*--plain/);
      const r = await runCli(['count', '--model', 'deepseek-flash', '--plain', '--json', fixture('broken.json')]);
      assert.equal(r.code, 0);
      assert.equal((JSON.parse(r.stdout) as { format: string }).format, 'plain');
      assert.match(r.stderr, /^llm-cost: warning: broken\.json:\d+: .*counted as plain text\n$/);
    });
    it('rejects binary, non-UTF-8, missing and directory inputs', async () => {
      assertUsageError(await runCli(['count', '--model', 'deepseek-flash', fixture('binary.bin')]), /binary\.bin looks like a binary file/);
      assertUsageError(await runCli(['count', '--model', 'deepseek-flash', fixture('latin1.txt')]), /latin1\.txt is not valid UTF-8/);
      assertUsageError(
        await runCli(['count', '--model', 'deepseek-flash', fixture('absent.txt')]),
        /cannot read .*absent\.txt: no such file/,
      );
      assertUsageError(await runCli(['count', '--model', 'deepseek-flash', fixtures]), /cannot read .*: it is a directory/);
      assertUsageError(
        await runCli(['count', '--model', 'deepseek-flash', '-'], { stdin: Buffer.from([0x61, 0x00]) }),
        /stdin looks like a binary file/,
      );
      assertUsageError(await runCli(['count', '--model', 'deepseek-flash', 'a.txt', 'b.txt']), /takes one FILE/);
    });
    it('asks for input instead of waiting on a terminal', async () => {
      assertUsageError(await runCli(['count', '--model', 'deepseek-flash']), /no input: give a FILE, or pipe text on stdin/);
    });
    it('needs a known model and suggests the closest ids', async () => {
      assertUsageError(await runCli(['count', fixture('hello.txt')]), /needs --model ID/);
      assertUsageError(
        await runCli(['count', '--model', 'deepsek-flash', fixture('hello.txt')]),
        /unknown model 'deepsek-flash' \(did you mean deepseek-flash/,
      );
    });
    it('resolves aliases', async () => {
      const r = await runCli(['count', '--model', 'deepseek-v4-flash', '--json', fixture('hello.txt')]);
      assert.equal((JSON.parse(r.stdout) as { model: string }).model, 'deepseek-flash');
    });
  });
});
