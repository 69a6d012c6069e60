/** Measured constants of the estimates (data/calibration.json), checked at load: each has a source and a day. */
import type { ErrorBand } from '../tokenize/types';
import raw from './data/calibration.json';
import { isDay } from './moments';

export interface Calibration {
  /** Hidden prompt tokens xAI bills on reasoning Grok 4 models. */
  readonly grokPrefixAllowance: number;
  /** Plausible true count ÷ o200k estimate for Grok. */
  readonly grokEstimateBand: ErrorBand;
}

type Json = Record<string, unknown>;

function section(data: unknown, name: string): Json {
  const value = (data as Json | null)?.[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`calibration.json: ${name} is missing`);
  const { source, measured } = value as Json;
  if (typeof source !== 'string' || source.length < 10) throw new Error(`calibration.json: ${name}.source must say how it was measured`);
  if (!isDay(measured)) throw new Error(`calibration.json: ${name}.measured must be a day (YYYY-MM-DD)`);
  return value as Json;
}

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** Checks calibration data; throws one line naming the first problem. */
export function parseCalibration(data: unknown): Calibration {
  const prefix = section(data, 'grokPrefixAllowance');
  if (!Number.isInteger(prefix.tokens) || (prefix.tokens as number) < 0)
    throw new Error('calibration.json: grokPrefixAllowance.tokens must be a whole number ≥ 0');
  const band = section(data, 'grokEstimateBand');
  const { low, high, basis } = band;
  if (!positive(low) || !positive(high) || low > high)
    throw new Error('calibration.json: grokEstimateBand needs 0 < low ≤ high (true count ÷ estimate)');
  if (typeof basis !== 'string' || !basis) throw new Error('calibration.json: grokEstimateBand.basis is missing');
  return Object.freeze({
    grokPrefixAllowance: prefix.tokens as number,
    grokEstimateBand: Object.freeze({ low, high, basis }),
  });
}

/** The bundled calibration. */
export const CALIBRATION: Calibration = parseCalibration(raw);
