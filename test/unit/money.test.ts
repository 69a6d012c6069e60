import * as assert from 'node:assert/strict';
import { Rational } from '../../src/core/money';

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
});
