/**
 * Exact money arithmetic: every amount is a rational number of two bigints, so no floating-point
 * drift can reach a displayed digit. Round only when formatting, with `toFixed`.
 */
export class Rational {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** Builds num/den in lowest terms with a positive denominator. */
  static of(num: bigint, den: bigint = 1n): Rational {
    if (den === 0n) throw new RangeError('Rational: division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    return g > 1n ? new Rational(num / g, den / g) : new Rational(num, den);
  }

  /** Parses a decimal string such as "0.006", "-1.5", "2e-3" or an integer; throws on anything else. */
  static parse(text: string): Rational {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    const frac = m[3] ?? '';
    let num = BigInt((m[2] || '0') + frac);
    const exp = -frac.length + (m[4] ? Number(m[4]) : 0);
    if (m[1] === '-') num = -num;
    if (Math.abs(exp) > 400) throw new RangeError(`exponent out of range: ${text}`);
    return exp >= 0 ? Rational.of(num * 10n ** BigInt(exp)) : Rational.of(num, 10n ** BigInt(-exp));
  }

  /** Converts a finite JS number through its shortest decimal representation (0.1 → 1/10 exactly). */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return Rational.parse(String(value));
  }

  static fromInt(value: number | bigint): Rational {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
    return new Rational(BigInt(value), 1n);
  }

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  cmp(o: Rational): -1 | 0 | 1 {
    const d = this.num * o.den - o.num * this.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }

  /** Rounds half away from zero to `digits` decimals and prints them all ("0.0021", "12.50"). */
  toFixed(digits: number): string {
    if (!Number.isInteger(digits) || digits < 0) throw new RangeError(`bad digit count: ${digits}`);
    const neg = this.num < 0n;
    const abs = neg ? -this.num : this.num;
    const scale = 10n ** BigInt(digits);
    const scaled = (abs * scale * 2n + this.den) / (this.den * 2n);
    const s = scaled.toString().padStart(digits + 1, '0');
    const body = digits === 0 ? s : `${s.slice(0, -digits)}.${s.slice(-digits)}`;
    return neg && scaled !== 0n ? `-${body}` : body;
  }

  /** The exact value as a decimal string when it terminates, else rounded to 30 decimals; trailing zeros trimmed. */
  toDecimalString(): string {
    const s = this.toFixed(30);
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  }

  /** Nearest JS number, for JSON output and charts only: never feed it back into money math. */
  toNumber(): number {
    return Number(this.toFixed(20));
  }

  toJSON(): string {
    return this.toDecimalString();
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
