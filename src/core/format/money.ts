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

/** Most decimals ever shown for an amount. */
const MAX_DIGITS = 6;

/** Symbol (or null) and number of minor digits of a currency; unknown codes get 2 digits and no symbol. */
export function currencyStyle(currency: CurrencyCode): CurrencyStyle {
  return STYLES[currency.toUpperCase()] ?? { minorDigits: 2 };
}

/**
 * Formats an amount: "$1,234.50", "$0.0021", "<$0.000001", "1.23 CHF", "JP¥1,235", "<JP¥1"; round half
 * away from zero. A currency without minor units (JPY) never shows decimals.
 */
export function formatMoney(amount: Rational, currency: CurrencyCode): string {
  const style = currencyStyle(currency);
  const abs = amount.isNegative() ? amount.neg() : amount;
  const sign = amount.isNegative() ? '-' : '';
  if (style.minorDigits === 0) {
    const whole = abs.toFixed(0);
    if (!abs.isZero() && whole === '0') return `${sign}<${decorate('1', currency, style)}`;
    return `${abs.isZero() ? '' : sign}${decorate(groupThousands(whole), currency, style)}`;
  }
  if (!abs.isZero() && Rational.parse(abs.toFixed(MAX_DIGITS)).isZero()) {
    return `${sign}<${decorate(`0.${'0'.repeat(MAX_DIGITS - 1)}1`, currency, style)}`;
  }
  const text = abs.toFixed(moneyDigits(abs, style.minorDigits));
  return `${abs.isZero() ? '' : sign}${decorate(groupThousands(text), currency, style)}`;
}

/** Formats a per-million price exactly where it terminates within 6 decimals: "$0.006", "$1.20", "¥2". */
export function formatPrice(price: Rational, currency: CurrencyCode): string {
  const style = currencyStyle(currency);
  const abs = price.isNegative() ? price.neg() : price;
  const sign = price.isNegative() ? '-' : '';
  let text = abs.toFixed(MAX_DIGITS);
  const minDigits = style.minorDigits;
  while (decimalsOf(text) > minDigits && text.endsWith('0')) text = text.slice(0, -1);
  if (text.endsWith('.')) text = text.slice(0, -1);
  return `${sign}${decorate(groupThousands(text), currency, style)}`;
}

/** A per-million price with its unit: "$0.30/M". */
export function formatPricePerMillion(price: Rational, currency: CurrencyCode): string {
  return `${formatPrice(price, currency)}/M`;
}

/** Decimals to show: the minor digits, or below one minor unit enough for 2 significant digits (max 6). */
function moneyDigits(abs: Rational, minorDigits: number): number {
  const unit = Rational.of(1n, 10n ** BigInt(minorDigits));
  if (abs.isZero() || abs.cmp(unit) >= 0) return minorDigits;
  // k: position of the first significant decimal digit (abs >= 10^-k).
  let k = minorDigits + 1;
  while (k < MAX_DIGITS && abs.cmp(Rational.of(1n, 10n ** BigInt(k))) < 0) k++;
  let digits = Math.min(k + 1, MAX_DIGITS);
  // Rounding may carry into the next magnitude (0.00999 → 0.0100): one digit fewer then suffices.
  const rounded = Rational.parse(abs.toFixed(digits));
  if (rounded.cmp(Rational.of(1n, 10n ** BigInt(k - 1))) >= 0) digits--;
  return rounded.cmp(unit) >= 0 ? minorDigits : Math.max(digits, minorDigits);
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
