/** Context sizes and context-window fit in words. Pure: also used by the webview. */
import type { ContextFit } from '../cost/contextFit';
import { formatTokens } from './tokens';

/** A context size, one rule on every surface: "131,072", "1,000,000"; "not given" when the catalog does not know it (0). */
export function formatContextSize(tokens: number): string {
  return tokens > 0 ? formatTokens(tokens) : 'not given';
}

/** A share of the window as a percentage: "<0.1%", "0.3%", "9.5%", "26%", "519%". */
export function formatShare(share: number): string {
  const pct = share * 100;
  if (pct > 0 && pct < 0.1) return '<0.1%';
  return pct < 10 ? `${Number(pct.toFixed(1))}%` : `${Math.round(pct)}%`;
}

/** "26% of 131,072", or "window not given" when the window is unknown. */
export function fitShareText(fit: ContextFit): string {
  return fit.share === undefined ? 'window not given' : `${formatShare(fit.share)} of ${formatTokens(fit.contextWindow)}`;
}

/**
 * Why a prompt does not fit, or is near the limit, in one phrase; empty when it fits with room to spare:
 * "does not fit: 209,187 tokens over the 131,072 window", "near the limit: 93% of the 131,072 window",
 * "projected output 500,000 tokens exceeds the 384,000 maximum output".
 */
export function fitNote(fit: ContextFit): string {
  const parts: string[] = [];
  if (fit.overBy > 0) parts.push(`does not fit: ${formatTokens(fit.overBy)} tokens over the ${formatTokens(fit.contextWindow)} window`);
  if (fit.outputOverMax > 0 && fit.maxOutput !== undefined)
    parts.push(
      `${parts.length ? '' : 'does not fit: '}projected output ${formatTokens(fit.outputTokens)} tokens exceeds the ${formatTokens(fit.maxOutput)} maximum output`,
    );
  if (parts.length) return parts.join('; ');
  if (fit.level === 'near' && fit.share !== undefined)
    return `near the limit: ${formatShare(fit.share)} of the ${formatTokens(fit.contextWindow)} window`;
  return '';
}

/** "input 1,234 + projected output 1,234 = 2,468 tokens": what the fit counts. */
export function fitUsage(fit: ContextFit): string {
  return `input ${formatTokens(fit.inputTokens)} + projected output ${formatTokens(fit.outputTokens)} = ${formatTokens(fit.usedTokens)} tokens`;
}
