import * as assert from 'node:assert/strict';
import { parseArgs } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';
import { parseAmount, parseCurrency, parseDate, parseFraction, parseNonNegative, parseTokens } from '../../src/cli/values';

const specs = {
  model: { type: 'string', multiple: true },
  ratio: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

describe('cli argument parser', () => {
  it('reads --name value, --name=value, repeated options, flags and positionals', () => {
    const a = parseArgs('estimate', ['--model', 'a', '--model=b', '--ratio', '0.5', '--json', 'file.txt'], specs);
    assert.deepEqual(a.strings('model'), ['a', 'b']);
    assert.equal(a.string('ratio'), '0.5');
    assert.equal(a.flag('json'), true);
    assert.equal(a.flag('help'), false);
    assert.deepEqual(a.positionals, ['file.txt']);
  });
  it('treats - as stdin and everything after -- as positional', () => {
    assert.deepEqual(parseArgs('count', ['-'], specs).positionals, ['-']);
    assert.deepEqual(parseArgs('count', ['--', '--json'], specs).positionals, ['--json']);
  });
  it('accepts the short -h', () => {
    assert.equal(parseArgs('count', ['-h'], specs).flag('help'), true);
  });
  it('takes a negative-looking value for a string option (validated later)', () => {
    assert.equal(parseArgs('estimate', ['--ratio', '-1'], specs).string('ratio'), '-1');
  });
  it('rejects unknown options, missing values, values on flags and repeats', () => {
    assert.throws(
      () => parseArgs('count', ['--frobnicate'], specs),
      (e: Error) => e instanceof UsageError && /unknown option --frobnicate for 'count'/.test(e.message),
    );
    assert.throws(() => parseArgs('count', ['-x'], specs), /unknown option -x/);
    assert.throws(() => parseArgs('count', ['--ratio'], specs), /--ratio needs a value/);
    assert.throws(() => parseArgs('count', ['--ratio', '--json'], specs), /--ratio needs a value/);
    assert.throws(() => parseArgs('count', ['--json=yes'], specs), /--json takes no value/);
    assert.throws(() => parseArgs('count', ['--ratio', '1', '--ratio', '2'], specs), /--ratio given more than once/);
  });
  it('does not treat inherited object keys as options', () => {
    assert.throws(() => parseArgs('count', ['--constructor'], specs), /unknown option --constructor/);
  });
});

describe('cli value parsing', () => {
  it('reads token counts, allowing digit separators', () => {
    assert.equal(parseTokens('output-tokens', '1200'), 1200);
    assert.equal(parseTokens('output-tokens', '1_000_000'), 1_000_000);
    assert.equal(parseTokens('output-tokens', '2,500'), 2500);
    for (const bad of ['-5', '1.5', 'abc', '', '1e3', '99999999999999999999']) {
      assert.throws(
        () => parseTokens('output-tokens', bad),
        (e: Error) => e instanceof UsageError && e.message.startsWith('--output-tokens:'),
        bad,
      );
    }
  });
  it('reads ratios and fractions', () => {
    assert.equal(parseNonNegative('ratio', '0.25'), 0.25);
    assert.equal(parseNonNegative('ratio', '.5'), 0.5);
    assert.equal(parseNonNegative('ratio', '3'), 3);
    assert.throws(() => parseNonNegative('ratio', 'abc'), /--ratio: 'abc' is not a number/);
    assert.throws(() => parseNonNegative('ratio', '-1'), /--ratio: '-1' is not a number/);
    assert.throws(() => parseNonNegative('ratio', 'NaN'), /not a number/);
    assert.throws(() => parseNonNegative('ratio', 'Infinity'), /not a number/);
    assert.equal(parseFraction('cache-hit', '0.4'), 0.4);
    assert.equal(parseFraction('cache-hit', '40%'), 0.4);
    assert.equal(parseFraction('cache-hit', '1'), 1);
    assert.throws(() => parseFraction('cache-hit', '1.5'), /more than 1/);
    assert.throws(() => parseFraction('cache-hit', 'half'), /not a fraction/);
  });
  it('reads exact amounts', () => {
    assert.equal(parseAmount('max-cost', '0.05').toDecimalString(), '0.05');
    assert.equal(parseAmount('max-cost', '$1.10').toDecimalString(), '1.1');
    assert.throws(() => parseAmount('max-cost', '-1'), /not an amount/);
  });
  it('reads ISO dates as UTC and rejects impossible ones', () => {
    assert.equal(parseDate('at', '2025-02-08').toISOString(), '2025-02-08T00:00:00.000Z');
    assert.equal(parseDate('at', '2025-02-08T16:00').toISOString(), '2025-02-08T16:00:00.000Z');
    assert.equal(parseDate('at', '2025-02-09T00:30:00+08:00').toISOString(), '2025-02-08T16:30:00.000Z');
    for (const bad of ['yesterday', '2025-02-30', '2025-13-01', '08/02/2025']) {
      assert.throws(() => parseDate('at', bad), /--at: .* is not an ISO date/, bad);
    }
  });
  it('reads currency codes', () => {
    assert.equal(parseCurrency('currency', 'cny'), 'CNY');
    assert.throws(() => parseCurrency('currency', 'dollars'), /not a currency code/);
  });
});
