/** Parses option values strictly; every failure is a UsageError naming the option. */
import { Rational } from '../core/cost/rational';
import { UsageError } from './errors';
import { groupThousands } from '../core/format/money';

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** A whole number of tokens, 0 or more ("1200", "1_200" and "1,200" are accepted). */
export function parseTokens(option: string, text: string): number {
  const clean = text.replace(/[_,]/g, '');
  if (!/^\d+$/.test(clean)) throw new UsageError(`--${option}: '${text}' is not a whole number of tokens (0 or more)`);
  if (!Number.isSafeInteger(Number(clean)))
    throw new UsageError(
      `--${option}: '${text}' is too large; the largest count accepted is ${groupThousands(String(Number.MAX_SAFE_INTEGER))}`,
    );
  return Number(clean);
}

/** A non-negative decimal number such as a ratio ("0.25", "2"). */
export function parseNonNegative(option: string, text: string): number {
  if (!DECIMAL.test(text.trim())) throw new UsageError(`--${option}: '${text}' is not a number (0 or more)`);
  return Number(text);
}

/** A fraction between 0 and 1 inclusive; "40%" is accepted as 0.4. */
export function parseFraction(option: string, text: string): number {
  const pct = text.trim().endsWith('%');
  const body = pct ? text.trim().slice(0, -1) : text.trim();
  if (!DECIMAL.test(body)) throw new UsageError(`--${option}: '${text}' is not a fraction between 0 and 1`);
  const value = pct ? Number(body) / 100 : Number(body);
  if (value > 1) throw new UsageError(`--${option}: '${text}' is more than 1 (use a fraction such as 0.4 or 40%)`);
  return value;
}

/** A money amount, exact ("0.05", "$0.05" is accepted without the symbol). */
export function parseAmount(option: string, text: string): Rational {
  const body = text.trim().replace(/^[$¥€£]/, '');
  if (!DECIMAL.test(body)) throw new UsageError(`--${option}: '${text}' is not an amount (0 or more)`);
  return Rational.parse(body);
}

/** An ISO date ("2025-02-08", UTC midnight) or date-time ("2025-02-08T15:00:00Z"). */
export function parseDate(option: string, text: string): Date {
  const t = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t);
  const ms = dateOnly ? Date.parse(`${t}T00:00:00Z`) : dateTime ? Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}Z`) : NaN;
  if (Number.isNaN(ms) || (dateOnly && new Date(ms).toISOString().slice(0, 10) !== t)) {
    throw new UsageError(`--${option}: '${text}' is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS]Z)`);
  }
  return new Date(ms);
}

/** A three-letter currency code, upper-cased. */
export function parseCurrency(option: string, text: string): string {
  if (!/^[A-Za-z]{3}$/.test(text.trim())) throw new UsageError(`--${option}: '${text}' is not a currency code such as USD, CNY or EUR`);
  return text.trim().toUpperCase();
}

/** True when an --at value names a day without a time of day ("2026-11-27"). */
export function isDateOnly(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
}

/** Exchange rates "CODE=RATE[,CODE=RATE]" in units per USD ("CNY=7.2,JPY=150"); exact decimals, rate above 0. */
export function parseFx(option: string, text: string): Record<string, string> {
  const rates: Record<string, string> = {};
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (!parts.length) throw new UsageError(`${option}: '${text}' has no rates (use CODE=RATE[,CODE=RATE], units per USD, e.g. CNY=7.2)`);
  for (const part of parts) {
    const m = /^([A-Za-z]{3})=(\d+(\.\d*)?|\.\d+)$/.exec(part);
    if (!m || Rational.parse(m[2]).isZero()) {
      throw new UsageError(`${option}: '${part}' is not CODE=RATE with a rate above 0 in units per USD (e.g. CNY=7.2)`);
    }
    const code = m[1].toUpperCase();
    if (code === 'USD' && !Rational.parse(m[2]).eq(Rational.ONE)) throw new UsageError(`${option}: USD is the base: its rate is 1`);
    rates[code] = m[2];
  }
  return rates;
}
