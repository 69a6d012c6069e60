/** Helpers shared by estimate and bill: model lookup, input checks, cost lines and notes. */
import type { Catalog, ModelEntry } from '../catalog/types';
import type { CostLine, PricingContext } from './types';
import { findModel, formerAliasAt, suggestModels } from '../catalog/catalog';
import { displayMoment } from '../catalog/moments';
import { Rational } from './rational';
import { CostError } from './errors';

const MILLION = Rational.fromInt(1_000_000);

/** The model for an id or alias (as it was meant at `at`, when given), or a CostError naming it and suggesting the closest ids. */
export function requireModel(catalog: Catalog, id: string, at?: Date): ModelEntry {
  const valid = at instanceof Date && !Number.isNaN(at.getTime()) ? at : undefined;
  const model = typeof id === 'string' ? findModel(catalog, id, valid) : undefined;
  if (model) return model;
  const suggestions = typeof id === 'string' ? suggestModels(catalog, id) : [];
  const hint = suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : '';
  throw new CostError('unknown-model', `unknown model ${JSON.stringify(id)}${hint}`, suggestions);
}

/** Throws bad-input unless the value is a whole, non-negative, safe number of tokens. */
export function checkTokens(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new CostError('bad-input', `${what} must be a whole number of tokens, 0 or more (got ${String(value)})`);
  }
  return value;
}

/** Throws bad-input unless min ≤ value ≤ max (finite). */
export function checkRange(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new CostError('bad-input', `${what} must be a number from ${min} to ${max === Infinity ? 'any' : max} (got ${String(value)})`);
  }
  return value;
}

/** floor(tokens × ratio), computed exactly: 100 × 0.29 is 29, where floating point gives 28.999… */
export function floorTimes(tokens: number, ratio: number): number {
  const r = Rational.fromNumber(ratio).mul(Rational.fromInt(tokens));
  return Number(r.num / r.den);
}

/** tokens × ratio rounded half up (Math.round's rule), computed exactly. */
export function roundTimes(tokens: number, ratio: number): number {
  const r = Rational.fromNumber(ratio).mul(Rational.fromInt(tokens));
  return Number((2n * r.num + r.den) / (2n * r.den));
}

/** One priced line: tokens × price per million. */
export function costLine(kind: CostLine['kind'], tokens: number, pricePerMillion: Rational): CostLine {
  return { kind, tokens, pricePerMillion, cost: pricePerMillion.mul(Rational.fromInt(tokens)).div(MILLION) };
}

/** A note when `requested` reached the model through an alias that has since moved, else undefined. */
export function formerAliasNote(catalog: Catalog, requested: string, model: ModelEntry, at: Date): string | undefined {
  if (typeof requested !== 'string' || Number.isNaN(at.getTime())) return undefined;
  const hit = formerAliasAt(catalog, requested, at);
  if (!hit || hit.model !== model || model.id.toLowerCase() === requested.trim().toLowerCase()) return undefined;
  return `${hit.former.alias} meant ${model.id} at ${displayMoment(at)} (until ${displayMoment(hit.former.until)})`;
}

/** Caveats every figure for this model and context should carry. */
export function contextNotes(model: ModelEntry, context: PricingContext): string[] {
  const notes: string[] = [];
  if (model.status.kind === 'retired')
    notes.push(
      `${model.id} is retired (${displayMoment(model.status.date)})${model.status.replacement ? `; replacement: ${model.status.replacement}` : ''}`,
    );
  if (model.status.kind === 'legacy') notes.push(`${model.id} is a legacy model${model.status.note ? `: ${model.status.note}` : ''}`);
  if (model.inputOnly) notes.push(`${model.id} is an embedding model: it produces no output tokens, so only input is billed`);
  if (context.converted) {
    const c = context.converted;
    notes.push(
      `converted from ${c.from} at ${c.rate.toDecimalString()} ${context.currency} per ${c.from} (${c.fxSource}, ${c.fxDate}): not a published ${context.currency} price`,
    );
  }
  if (context.tier === 'long-context')
    notes.push(
      `long-context prices: the prompt reaches ${context.longContextThreshold} tokens, so every token of the request is billed at the higher rate`,
    );
  if (context.window)
    notes.push(
      `${context.window.label} window${context.window.discounted ? ` (prices × ${context.window.multiplier.toDecimalString()})` : ''}`,
    );
  if (context.window?.note) notes.push(context.window.note);
  return notes;
}
