import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../fixtures/cli/fakeIo';
// A TEST fixture with invented 2027 days (2027-02-06 to 02-12 off): not the real 2027 notice.
import fixture from '../fixtures/prices/holidays2027.testFixture.json';

const NOW = new Date('2026-12-05T12:00:00Z');
/** Monday 2027-02-08 02:00 UTC: a peak hour on an ordinary Monday, a day off in the fixture. */
const AT = '2027-02-08T02:00Z';

describe('llm-cost prices check | update | revert with a holiday-calendar file', () => {
  let dir: string;
  let env: Record<string, string>;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'llm-cost-holidays-'));
    env = { LLM_COST_HOME: path.join(dir, 'home') };
    file = path.join(dir, 'holidays-2027.json');
    writeFileSync(file, JSON.stringify(fixture));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const usage = async () => {
    const r = await runCli(['usage', '--model', 'deepseek-flash', '--at', AT, '--input-tokens', '1000000', '--output-tokens', '0'], {
      env,
      now: NOW,
    });
    assert.equal(r.code, 0, r.stderr);
    return r.stdout;
  };

  it('check names the added year; update --yes makes the day off-peak in usage and estimate; revert removes it', async () => {
    const check = await runCli(['prices', 'check', '--source', file], { env, now: NOW });
    assert.equal(check.code, 0, check.stderr);
    assert.match(
      check.stdout,
      /^Holiday calendars from \S+holidays-2027\.json \(fetched 2026-12-05 12:00 UTC\) against the calendars in force:/,
    );
    assert.match(
      check.stdout,
      /\nCN 2027 holidays: added, source https:\/\/example\.invalid\/test-fixture-not-the-2027-notice \(7 days off/,
    );
    assert.ok(!existsSync(env.LLM_COST_HOME), 'check writes nothing');

    const bundled = await usage();
    assert.match(bundled, /^peak prices at 2027-02-08 02:00 UTC/m);
    assert.match(bundled, /Holiday calendar unknown for 2027/);

    const update = await runCli(['prices', 'update', '--source', file, '--yes'], { env, now: NOW });
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stdout, /Added holiday-calendar year CN 2027; written to /);
    const stored = JSON.parse(readFileSync(path.join(env.LLM_COST_HOME, 'prices.json'), 'utf8')) as {
      version: number;
      updates: { holidayYears: { calendar: string; year: { year: number } }[] }[];
    };
    assert.equal(stored.version, 1);
    assert.deepEqual(
      stored.updates[0].holidayYears.map((y) => `${y.calendar} ${y.year.year}`),
      ['CN 2027'],
    );

    const refreshed = await usage();
    assert.match(refreshed, /^off-peak prices \(50% of the full price\) at 2027-02-08 02:00 UTC/m);
    assert.match(refreshed, /^total\s+1,000,000\s+\$0\.150\s+0\.15$/m);
    assert.match(refreshed, /2027-02-08 is a Chinese public holiday \(Test holiday/);
    assert.doesNotMatch(refreshed, /Holiday calendar unknown/);
    const prompt = path.join(dir, 'prompt.txt');
    writeFileSync(prompt, 'hello world');
    const estimate = await runCli(['estimate', '--model', 'deepseek-flash', '--at', AT, prompt], { env, now: NOW });
    assert.equal(estimate.code, 0, estimate.stderr);
    assert.match(estimate.stdout, /deepseek-flash: off-peak prices .* at 2027-02-08 02:00 UTC/);
    const later = await runCli(
      ['usage', '--model', 'deepseek-flash', '--at', '2028-02-08T02:00Z', '--input-tokens', '1', '--output-tokens', '0'],
      { env, now: NOW },
    );
    assert.match(later.stdout, /Holiday calendar unknown for 2028: .* it knows 2025, 2026, 2027\./);
    const again = await runCli(['prices', 'check', '--source', file], { env, now: NOW });
    assert.match(again.stdout, /No calendar years to add\./);

    const revert = await runCli(['prices', 'revert'], { env, now: NOW });
    assert.match(revert.stdout, /the bundled prices apply again/);
    const reverted = await usage();
    assert.match(reverted, /^peak prices at 2027-02-08 02:00 UTC/m);
    assert.match(reverted, /Holiday calendar unknown for 2027/);
  });

  it('holds back a changed known year and writes nothing when that is all there is', async () => {
    const changed = structuredClone(fixture);
    const days = { holidays: [{ name: 'Test holiday', from: '2026-02-06', to: '2026-02-12' }], workdays: [] };
    changed.CN.years[0] = { ...changed.CN.years[0], year: 2026, ...days };
    writeFileSync(file, JSON.stringify(changed));
    const r = await runCli(['prices', 'update', '--source', file, '--yes'], { env, now: NOW });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Held back \(never applied\):\n {2}CN 2026 holidays: held back: the catalog already has 2026 with other days/);
    assert.match(r.stdout, /Nothing to apply\.\n$/);
    assert.ok(!existsSync(env.LLM_COST_HOME));
  });

  it('refuses a malformed calendar in one line, exit 2, and writes nothing', async () => {
    const bad = structuredClone(fixture) as { CN: { years: { workdays: string[] }[] } };
    bad.CN.years[0].workdays = ['2027-02-17'];
    writeFileSync(file, JSON.stringify(bad));
    const r = await runCli(['prices', 'update', '--source', file, '--yes'], { env, now: NOW });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^llm-cost: \S+holidays-2027\.json: not a valid holiday calendar \(holiday calendar CN, 2027: make-up working day 2027-02-17 is not a Saturday or Sunday\); nothing changed\n$/,
    );
    assert.ok(!existsSync(env.LLM_COST_HOME));
  });
});
