/** Token counts and error bands for display. Pure: also used by the webview. */
import type { ErrorBand } from '../tokenize/types';
import { groupThousands } from './money';

/** "1,234". */
export function formatTokens(n: number): string {
  return groupThousands(String(Math.trunc(n)));
}

/** "1,234" when exact, "≈1,234" when an estimate. */
export function formatCount(count: { readonly tokens: number; readonly exact: boolean }): string {
  return `${count.exact ? '' : '≈'}${formatTokens(count.tokens)}`;
}

/** A ratio band as signed percentages: { low: 0.82, high: 1.05 } → "−18% … +5%". */
export function formatErrorBand(band: Pick<ErrorBand, 'low' | 'high'>): string {
  return `${signedPercent(band.low)} … ${signedPercent(band.high)}`;
}

function signedPercent(ratio: number): string {
  const pct = Math.round((ratio - 1) * 100);
  if (pct === 0) return '0%';
  return pct < 0 ? `−${-pct}%` : `+${pct}%`;
}
