import * as assert from 'node:assert/strict';
import { Rational } from '../../src/core/cost/rational';
import { formatMoney, formatPrice, formatPricePerMillion } from '../../src/core/format/money';
import { formatCount, formatErrorBand, formatTokens } from '../../src/core/format/tokens';
import { daysSince, formatAge, formatDate, formatDateTime } from '../../src/core/format/dates';
import { renderTable } from '../../src/core/format/table';

const r = (s: string) => Rational.parse(s);

describe('formatMoney', () => {
  it("uses each currency's symbol and minor digits", () => {
    assert.equal(formatMoney(r('12.5'), 'USD'), '$12.50');
    assert.equal(formatMoney(r('12.5'), 'CNY'), '¥12.50');
    assert.equal(formatMoney(r('12.5'), 'EUR'), '€12.50');
    assert.equal(formatMoney(r('12.5'), 'GBP'), '£12.50');
    assert.equal(formatMoney(r('1234.5'), 'JPY'), 'JP¥1,235'); // 0 minor digits, half away from zero
    assert.equal(formatMoney(r('1.234'), 'CHF'), '1.23 CHF');
  });
  it('groups thousands', () => {
    assert.equal(formatMoney(r('1234567.891'), 'USD'), '$1,234,567.89');
  });
  it('rounds half away from zero to cents', () => {
    assert.equal(formatMoney(r('0.125'), 'USD'), '$0.13');
    assert.equal(formatMoney(r('-0.125'), 'USD'), '-$0.13');
  });
  it('shows two significant digits below one cent, at most six decimals', () => {
    assert.equal(formatMoney(r('0.0021'), 'USD'), '$0.0021');
    assert.equal(formatMoney(r('0.002149'), 'USD'), '$0.0021');
    assert.equal(formatMoney(r('0.00215'), 'USD'), '$0.0022');
    assert.equal(formatMoney(r('0.000036'), 'USD'), '$0.000036');
    assert.equal(formatMoney(r('0.0000036'), 'USD'), '$0.000004'); // capped at 6 decimals
    assert.equal(formatMoney(r('0.0099'), 'USD'), '$0.0099');
    assert.equal(formatMoney(r('-0.0021'), 'EUR'), '-€0.0021');
  });
  it('does not show three significant digits when rounding carries', () => {
    assert.equal(formatMoney(r('0.00999'), 'USD'), '$0.01');
    assert.equal(formatMoney(r('0.000999'), 'USD'), '$0.0010');
  });
  it('marks a non-zero amount too small to show', () => {
    assert.equal(formatMoney(r('0.0000004'), 'USD'), '<$0.000001');
    assert.equal(formatMoney(r('0.0000004'), 'CHF'), '<0.000001 CHF');
    assert.equal(formatMoney(Rational.ZERO, 'USD'), '$0.00');
  });
  it('never shows yen decimals, and labels yen JP¥ apart from the yuan', () => {
    assert.equal(formatMoney(r('0.5'), 'JPY'), 'JP¥1'); // half away from zero
    assert.equal(formatMoney(r('0.912'), 'JPY'), 'JP¥1');
    assert.equal(formatMoney(r('2.4999'), 'JPY'), 'JP¥2');
    assert.equal(formatMoney(r('0.0123'), 'JPY'), '<JP¥1');
    assert.equal(formatMoney(r('-0.0123'), 'JPY'), '-<JP¥1');
    assert.equal(formatMoney(Rational.ZERO, 'JPY'), 'JP¥0');
    assert.equal(formatMoney(r('0.912'), 'CNY'), '¥0.91');
    assert.equal(formatPrice(r('0.912'), 'JPY'), 'JP¥0.912'); // a rate keeps its exact digits
  });
  it('formats a third of a cent without drifting', () => {
    // 1/300 = 0.003333… → 2 significant digits
    assert.equal(formatMoney(Rational.of(1n, 300n), 'USD'), '$0.0033');
  });
});

describe('formatPrice', () => {
  it('keeps every published digit, at least the minor digits', () => {
    assert.equal(formatPrice(r('0.006'), 'USD'), '$0.006');
    assert.equal(formatPrice(r('1.2'), 'USD'), '$1.20');
    assert.equal(formatPrice(r('2'), 'CNY'), '¥2.00');
    assert.equal(formatPrice(r('0.015'), 'USD'), '$0.015');
    assert.equal(formatPricePerMillion(r('0.3'), 'USD'), '$0.30/M');
  });
  it('rounds a converted price to six decimals', () => {
    // 0.3 × 7.1234567 = 2.13703701 → 2.137037
    assert.equal(formatPrice(r('0.3').mul(r('7.1234567')), 'CNY'), '¥2.137037');
  });
});

describe('formatTokens / formatCount / formatErrorBand', () => {
  it('groups thousands', () => {
    assert.equal(formatTokens(0), '0');
    assert.equal(formatTokens(999), '999');
    assert.equal(formatTokens(1234), '1,234');
    assert.equal(formatTokens(1234567), '1,234,567');
  });
  it('prefixes estimates with ≈', () => {
    assert.equal(formatCount({ tokens: 1234, exact: true }), '1,234');
    assert.equal(formatCount({ tokens: 1234, exact: false }), '≈1,234');
  });
  it('renders a ratio band as signed percentages', () => {
    assert.equal(formatErrorBand({ low: 0.82, high: 1.05 }), '−18% … +5%');
    assert.equal(formatErrorBand({ low: 0.55, high: 1 }), '−45% … 0%');
    assert.equal(formatErrorBand({ low: 1.02, high: 1.25 }), '+2% … +25%');
  });
});

describe('dates', () => {
  const now = new Date('2026-11-27T23:30:00Z');
  it('formats UTC dates', () => {
    assert.equal(formatDate(new Date('2026-02-08T23:59:59Z')), '2026-02-08');
    assert.equal(formatDate('2025-02-08T16:00:00Z'), '2025-02-08');
    assert.equal(formatDateTime(new Date('2026-11-30T01:00:00Z')), '2026-11-30 01:00 UTC');
  });
  it('says how old a verified date is', () => {
    assert.equal(formatAge('2026-11-27', now), 'today');
    assert.equal(formatAge('2026-11-26', now), '1 day ago');
    // October has 31 days: Oct 28 → Nov 27 is 30 days
    assert.equal(formatAge('2026-10-28', now), '30 days ago');
    assert.equal(daysSince('2025-11-27', now), 365);
    assert.equal(formatAge('2026-11-29', now), 'in 2 days');
  });
});

describe('renderTable', () => {
  it('aligns columns and right-aligns numbers', () => {
    const lines = renderTable(
      [{ header: 'model' }, { header: 'tokens', align: 'right' }, { header: 'total', align: 'right' }],
      [
        ['deepseek-flash', '≈1,234', '$0.0021'],
        ['grok-4.7', '12', '$10.00'],
      ],
    );
    assert.deepEqual(lines, [
      'model           tokens    total',
      '--------------  ------  -------',
      'deepseek-flash  ≈1,234  $0.0021',
      'grok-4.7            12   $10.00',
    ]);
  });
});
