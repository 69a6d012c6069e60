import * as assert from 'node:assert/strict';
import { Rational } from '../../src/core/cost/rational';

describe('Rational', () => {
  it('adds decimal prices without floating-point drift', () => {
    assert.equal(Rational.parse('0.1').add(Rational.parse('0.2')).toDecimalString(), '0.3');
    assert.equal(0.1 + 0.2 === 0.3, false); // the drift it avoids
  });
  it('prices tokens per million exactly', () => {
    const cost = Rational.parse('0.006').mul(Rational.fromInt(1234567)).div(Rational.fromInt(1_000_000));
    assert.equal(cost.toDecimalString(), '0.007407402');
  });
  it('rounds half away from zero only when formatting', () => {
    assert.equal(Rational.parse('0.125').toFixed(2), '0.13');
    assert.equal(Rational.parse('-0.125').toFixed(2), '-0.13');
    assert.equal(Rational.parse('-0.001').toFixed(2), '0.00');
    assert.equal(Rational.of(1n, 3n).toFixed(4), '0.3333');
    assert.equal(Rational.parse('12').toFixed(2), '12.00');
  });
  it('rejects text that is not a decimal number', () => {
    for (const bad of ['', 'abc', '1.2.3', '0x10', '.', '1e']) assert.throws(() => Rational.parse(bad), RangeError, bad);
    assert.equal(Rational.parse('2e-3').toDecimalString(), '0.002');
    assert.equal(Rational.parse('.5').toDecimalString(), '0.5');
  });
  it('compares and detects sign', () => {
    assert.equal(Rational.parse('0.30').cmp(Rational.parse('0.3')), 0);
    assert.equal(Rational.parse('-1').isNegative(), true);
    assert.throws(() => Rational.ONE.div(Rational.ZERO), RangeError);
  });
  it('normalises signs and lowest terms', () => {
    const r = Rational.of(6n, -4n);
    assert.equal(r.num, -3n);
    assert.equal(r.den, 2n);
    assert.equal(Rational.of(0n, -5n).eq(Rational.ZERO), true);
    assert.equal(Rational.of(10n, 4n).eq(Rational.parse('2.5')), true);
    assert.throws(() => Rational.of(1n, 0n), RangeError);
  });
  it('converts JS numbers through their shortest decimal, including exponent forms', () => {
    assert.equal(Rational.fromNumber(0.1).add(Rational.fromNumber(0.2)).toDecimalString(), '0.3');
    assert.equal(Rational.fromNumber(1e-7).toDecimalString(), '0.0000001'); // String(1e-7) is "1e-7"
    assert.equal(Rational.fromNumber(1e21).toDecimalString(), '1000000000000000000000');
    assert.equal(Rational.fromNumber(-0).isZero(), true);
    for (const bad of [Number.NaN, Infinity, -Infinity]) assert.throws(() => Rational.fromNumber(bad), RangeError);
    assert.throws(() => Rational.fromInt(1.5), RangeError);
    assert.throws(() => Rational.fromInt(2 ** 53), RangeError);
    assert.equal(Rational.fromInt(2n ** 70n).toDecimalString(), '1180591620717411303424');
  });
  it('parses signs, blanks and bare trailing points, and bounds the exponent', () => {
    assert.equal(Rational.parse(' +1.50 ').toDecimalString(), '1.5');
    assert.equal(Rational.parse('1.').toDecimalString(), '1');
    assert.equal(Rational.parse('-0.0028').toDecimalString(), '-0.0028');
    assert.equal(Rational.parse('1E3').toDecimalString(), '1000');
    assert.throws(() => Rational.parse('1e401'), RangeError);
    assert.throws(() => Rational.parse('1,5'), RangeError);
  });
  it('rounds at every digit count, half away from zero', () => {
    assert.equal(Rational.parse('2.5').toFixed(0), '3');
    assert.equal(Rational.parse('-2.5').toFixed(0), '-3');
    assert.equal(Rational.parse('0.004999').toFixed(2), '0.00');
    assert.equal(Rational.parse('0.005').toFixed(2), '0.01');
    assert.equal(Rational.parse('9.995').toFixed(2), '10.00');
    assert.equal(Rational.of(2n, 3n).toFixed(0), '1');
    assert.throws(() => Rational.ONE.toFixed(-1), RangeError);
    assert.throws(() => Rational.ONE.toFixed(1.5), RangeError);
  });
  it('prints non-terminating values to 30 decimals and JSON as exact strings', () => {
    assert.equal(Rational.of(1n, 3n).toDecimalString(), '0.333333333333333333333333333333');
    assert.equal(Rational.of(2n, 3n).toDecimalString(), '0.666666666666666666666666666667');
    assert.equal(JSON.stringify({ cost: Rational.parse('0.981481134') }), '{"cost":"0.981481134"}');
    assert.equal(Rational.parse('0.981481134').toNumber(), 0.981481134);
  });
  it('keeps a long chain of per-token prices exact', () => {
    // 1,000 additions of 0.0000028 (one token at 2.8 per million) make exactly 0.0028; × 1,000 = 2.8.
    let sum = Rational.ZERO;
    const perToken = Rational.parse('2.8').div(Rational.fromInt(1_000_000));
    for (let i = 0; i < 1000; i++) sum = sum.add(perToken);
    assert.equal(sum.mul(Rational.fromInt(1000)).toDecimalString(), '2.8');
    assert.equal(sum.cmp(Rational.parse('0.0028')), 0);
    assert.equal(Rational.parse('-1').cmp(Rational.ZERO), -1);
    assert.equal(Rational.parse('0.1').neg().isNegative(), true);
  });
});
