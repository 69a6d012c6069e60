/** Engine notes the CLI prints, minus those its own pricing lines already say. */
import type { PricingContext } from '../core/cost/types';

/** Notes not already covered by describeWindow / describeTier / describeConversion. */
export function extraNotes(context: PricingContext, notes: readonly string[]): string[] {
  return notes.filter((n) => {
    if (context.window && n.startsWith(`${context.window.label} window`)) return false;
    if (context.converted && n.startsWith('converted from')) return false;
    if (context.tier === 'long-context' && n.startsWith('long-context prices')) return false;
    return true;
  });
}
