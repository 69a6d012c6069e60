import * as assert from 'node:assert/strict';
import { Rational } from '../../src/core/cost/rational';
import { formatBreakdown, formatMoney, formatPrice, formatPricePerMillion } from '../../src/core/format/money';
import { formatCount, formatErrorBand, formatTokens } from '../../src/core/format/tokens';
import { daysSince, formatAge, formatDate, formatDateTime } from '../../src/core/format/dates';
import { renderTable } from '../../src/core/format/table';

const r = (s: string) => Rational.parse(s);

describe("formatMoney: one display rule, at least three significant figures and the currency's minor digits", () => {
  it('the examples of the rule: $0.0124, $1.24, $12.40, ¥0.0887, JP¥0.142, JP¥14.2', () => {
    assert.equal(formatMoney(r('0.01240'), 'USD'), '$0.0124');
    assert.equal(formatMoney(r('1.2449'), 'USD'), '$1.24');
    assert.equal(formatMoney(r('12.4'), 'USD'), '$12.40');
    assert.equal(formatMoney(r('0.08871'), 'CNY'), '¥0.0887');
    assert.equal(formatMoney(r('0.1423'), 'JPY'), 'JP¥0.142');
    assert.equal(formatMoney(r('14.23'), 'JPY'), 'JP¥14.2');
  });
  it('amounts that read alike when rounded to cents can be told apart (Grok 4.5/4.6/4.7 all read "$0.02")', () => {
    assert.notEqual(formatMoney(r('0.0213'), 'USD'), formatMoney(r('0.0166'), 'USD'));
    assert.equal(formatMoney(r('0.0166'), 'USD'), '$0.0166');
    assert.equal(formatMoney(r('0.0124'), 'USD'), '$0.0124'); // the status bar read "$0.01"
  });
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
  it('rounds half away from zero', () => {
    assert.equal(formatMoney(r('0.1235'), 'USD'), '$0.124');
    assert.equal(formatMoney(r('-0.1235'), 'USD'), '-$0.124');
    assert.equal(formatMoney(r('0.00215'), 'USD'), '$0.00215');
    assert.equal(formatMoney(r('0.002155'), 'USD'), '$0.00216');
  });
  it('shows three significant figures for small amounts, down to ten decimals', () => {
    assert.equal(formatMoney(r('0.000036'), 'USD'), '$0.0000360');
    assert.equal(formatMoney(r('0.00000014'), 'USD'), '$0.000000140'); // one token at $0.14/M
    assert.equal(formatMoney(r('-0.0021'), 'EUR'), '-€0.00210');
  });
  it('does not show a fourth figure when rounding carries into the next magnitude', () => {
    assert.equal(formatMoney(r('0.09996'), 'USD'), '$0.100');
    assert.equal(formatMoney(r('99.96'), 'JPY'), 'JP¥100');
    assert.equal(formatMoney(r('0.999'), 'USD'), '$0.999');
  });
  it('marks a non-zero amount too small to show', () => {
    assert.equal(formatMoney(r('0.000000000004'), 'USD'), '<$0.0000000001');
    assert.equal(formatMoney(r('0.000000000004'), 'CHF'), '<0.0000000001 CHF');
    assert.equal(formatMoney(Rational.ZERO, 'USD'), '$0.00');
    assert.equal(formatMoney(Rational.ZERO, 'JPY'), 'JP¥0');
  });
  it('yen below one yen: every model read "<JP¥1" for a short prompt; now they compare', () => {
    assert.equal(formatMoney(r('0.0123'), 'JPY'), 'JP¥0.0123');
    assert.equal(formatMoney(r('-0.0123'), 'JPY'), '-JP¥0.0123');
    assert.equal(formatMoney(r('0.912'), 'JPY'), 'JP¥0.912');
    assert.equal(formatMoney(r('2.4999'), 'JPY'), 'JP¥2.50');
    assert.equal(formatPrice(r('0.912'), 'JPY'), 'JP¥0.912'); // a rate keeps its exact digits
  });
  it('formats a third of a cent without drifting', () => {
    assert.equal(formatMoney(Rational.of(1n, 300n), 'USD'), '$0.00333');
  });
  it('takes an explicit number of decimals', () => {
    assert.equal(formatMoney(r('12.4'), 'USD', 4), '$12.4000');
  });
});

describe('formatBreakdown: the parts shown add up to the total shown', () => {
  it('the status bar case: $0.0025 + $0.0099 read "$0.01" in total; now the parts and total agree', () => {
    const shown = formatBreakdown([r('0.0025'), r('0.0099')], r('0.0124'), 'USD');
    assert.deepEqual(shown, { parts: ['$0.0025', '$0.0099'], total: '$0.0124' });
  });
  it('Ministral 3B: "$0.03 + $0.03 = Total $0.07" no longer happens', () => {
    // At the rule's four decimals 0.0340 + 0.0340 ≠ 0.0681: two more decimals make them add up.
    const shown = formatBreakdown([r('0.0340259'), r('0.0340259')], r('0.0680518'), 'USD');
    assert.deepEqual(shown, { parts: ['$0.034026', '$0.034026'], total: '$0.068052' });
  });
  it('adds decimals where rounding breaks the sum, and shows the exact total when none suffices', () => {
    const third = Rational.of(1n, 3n);
    const shown = formatBreakdown([third, third], Rational.of(2n, 3n), 'USD');
    assert.match(shown.total, /^\$0\.66667 \(exact: 0\.666666666667…\)$/);
    assert.deepEqual(shown.parts, ['$0.33333', '$0.33333']);
  });
  it("parts take the total's precision", () => {
    assert.deepEqual(formatBreakdown([Rational.ZERO, r('12.4')], r('12.4'), 'USD'), { parts: ['$0.00', '$12.40'], total: '$12.40' });
    assert.deepEqual(formatBreakdown([r('0.21'), r('0.84')], r('1.05'), 'USD'), { parts: ['$0.21', '$0.84'], total: '$1.05' });
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
