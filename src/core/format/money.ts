/** Money and price display, rounded per currency. Pure: also used by the webview. */
import { Rational } from '../cost/rational';
import type { CurrencyCode } from '../catalog/types';

interface CurrencyStyle {
  readonly symbol?: string;
  readonly minorDigits: number;
}

const STYLES: Readonly<Record<string, CurrencyStyle>> = {
  USD: { symbol: '$', minorDigits: 2 },
  CNY: { symbol: '¥', minorDigits: 2 },
  EUR: { symbol: '€', minorDigits: 2 },
  GBP: { symbol: '£', minorDigits: 2 },
  // Yen has no minor unit; "JP¥" keeps it apart from the yuan's "¥".
  JPY: { symbol: 'JP¥', minorDigits: 0 },
};

/** Most decimals ever shown for an amount; smaller amounts read "<$0.0000000001". */
const MAX_DIGITS = 10;
/** The display rule: every amount shows at least this many significant figures. */
const SIGNIFICANT = 3;

/** Symbol (or null) and number of minor digits of a currency; unknown codes get 2 digits and no symbol. */
export function currencyStyle(currency: CurrencyCode): CurrencyStyle {
  return STYLES[currency.toUpperCase()] ?? { minorDigits: 2 };
}

/**
 * Decimals the display rule gives an amount: at least the currency's minor digits (2; 0 for yen) and
 * enough for three significant figures ("$0.0124", "$1.24", "$12.40", "JP¥0.142", "JP¥14.2", "JP¥1,235").
 */
export function moneyDecimals(amount: Rational, currency: CurrencyCode): number {
  const minor = currencyStyle(currency).minorDigits;
  const abs = amount.isNegative() ? amount.neg() : amount;
  if (abs.isZero()) return minor;
  // magnitude: 10^(magnitude-1) <= abs < 10^magnitude.
  let magnitude = (abs.num / abs.den).toString().length;
  if (abs.num < abs.den) {
    magnitude = 0;
    while (magnitude > -MAX_DIGITS && abs.cmp(Rational.of(1n, 10n ** BigInt(1 - magnitude))) < 0) magnitude--;
  }
  let digits = Math.min(MAX_DIGITS, Math.max(minor, SIGNIFICANT - magnitude));
  // Rounding may carry into the next magnitude (0.0999 → 0.100): one digit fewer then suffices.
  const next = magnitude >= 0 ? Rational.of(10n ** BigInt(magnitude)) : Rational.of(1n, 10n ** BigInt(-magnitude));
  if (digits > minor && Rational.parse(abs.toFixed(digits)).cmp(next) >= 0) digits--;
  return digits;
}

/**
 * Formats an amount by the display rule (`moneyDecimals`), or with `decimals` when given: "$1,234.50",
 * "$0.0021", "1.23 CHF", "JP¥0.142", "JP¥1,235", "<$0.0000000001"; rounds half away from zero.
 */
export function formatMoney(amount: Rational, currency: CurrencyCode, decimals = moneyDecimals(amount, currency)): string {
  const style = currencyStyle(currency);
  const abs = amount.isNegative() ? amount.neg() : amount;
  const sign = amount.isNegative() ? '-' : '';
  const digits = Math.min(decimals, MAX_DIGITS);
  const text = abs.toFixed(digits);
  if (!abs.isZero() && Rational.parse(text).isZero()) {
    const smallest = digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`;
    return `${sign}<${decorate(smallest, currency, style)}`;
  }
  return `${abs.isZero() ? '' : sign}${decorate(groupThousands(text), currency, style)}`;
}

/** A breakdown as shown: each part and the total. */
export interface MoneyBreakdown {
  readonly parts: readonly string[];
  readonly total: string;
}

/**
 * Parts and their total at the total's precision (the display rule's), so the parts shown add up to the
 * total shown: up to two more decimals where rounding would break the sum, else the exact total beside it.
 */
export function formatBreakdown(parts: readonly Rational[], total: Rational, currency: CurrencyCode): MoneyBreakdown {
  const ruled = moneyDecimals(total, currency);
  let digits = ruled;
  while (digits < Math.min(MAX_DIGITS, ruled + EXTRA_DIGITS) && !addsUp(parts, total, digits)) digits++;
  const shownTotal = formatMoney(total, currency, digits);
  return {
    parts: parts.map((part) => formatMoney(part, currency, digits)),
    total: addsUp(parts, total, digits) ? shownTotal : `${shownTotal} (exact: ${exactDecimal(total)})`,
  };
}

/** At most this many decimals beyond the rule's to make a breakdown add up; past it the exact total is shown. */
const EXTRA_DIGITS = 2;

/** "0.01245" when it terminates within 12 decimals, else "0.666666666667…". */
function exactDecimal(amount: Rational): string {
  const exact = amount.toDecimalString();
  const dot = exact.indexOf('.');
  return dot >= 0 && exact.length - dot - 1 > 12 ? `${amount.toFixed(12)}…` : exact;
}

function addsUp(parts: readonly Rational[], total: Rational, digits: number): boolean {
  const rounded = (amount: Rational) => Rational.parse(amount.toFixed(digits));
  return parts.reduce((sum, part) => sum.add(rounded(part)), Rational.ZERO).eq(rounded(total));
}

/** Decimals of a per-million price. */
const PRICE_DIGITS = 6;

/** Formats a per-million price exactly where it terminates within 6 decimals: "$0.006", "$1.20", "¥2". */
export function formatPrice(price: Rational, currency: CurrencyCode): string {
  const style = currencyStyle(currency);
  const abs = price.isNegative() ? price.neg() : price;
  const sign = price.isNegative() ? '-' : '';
  let text = abs.toFixed(PRICE_DIGITS);
  const minDigits = style.minorDigits;
  while (decimalsOf(text) > minDigits && text.endsWith('0')) text = text.slice(0, -1);
  if (text.endsWith('.')) text = text.slice(0, -1);
  return `${sign}${decorate(groupThousands(text), currency, style)}`;
}

/** A per-million price with its unit: "$0.30/M". */
export function formatPricePerMillion(price: Rational, currency: CurrencyCode): string {
  return `${formatPrice(price, currency)}/M`;
}

function decorate(text: string, currency: CurrencyCode, style: CurrencyStyle): string {
  return style.symbol ? `${style.symbol}${text}` : `${text} ${currency.toUpperCase()}`;
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Inserts "," every three digits of the integer part of a plain decimal string. */
export function groupThousands(text: string): string {
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const rest = dot < 0 ? '' : body.slice(dot);
  return `${neg ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}${rest}`;
}
