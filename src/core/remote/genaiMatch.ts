/** genai-prices' match clauses ({equals}, {starts_with}, {ends_with}, {contains}, {regex}, {or}, {and}) as a predicate. */
import { PriceSourceError } from './priceFetch';

type Matcher = (name: string) => boolean;

/** A case-insensitive predicate over model names; a clause it does not know matches nothing rather than everything. */
export function genaiMatcher(clause: unknown, at: string): Matcher {
  if (clause === undefined || clause === null) return () => false;
  if (typeof clause !== 'object' || Array.isArray(clause)) throw bad(at);
  const c = clause as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = c[key];
    return typeof value === 'string' ? value.toLowerCase() : undefined;
  };
  const list = (key: string): Matcher[] | undefined => {
    const items = c[key];
    if (items === undefined) return undefined;
    if (!Array.isArray(items)) throw bad(at);
    return items.map((item) => genaiMatcher(item, at));
  };
  const equals = text('equals');
  if (equals !== undefined) return (name) => name.toLowerCase() === equals;
  const starts = text('starts_with');
  if (starts !== undefined) return (name) => name.toLowerCase().startsWith(starts);
  const ends = text('ends_with');
  if (ends !== undefined) return (name) => name.toLowerCase().endsWith(ends);
  const contains = text('contains');
  if (contains !== undefined) return (name) => name.toLowerCase().includes(contains);
  const regex = typeof c.regex === 'string' ? c.regex : undefined;
  if (regex !== undefined) {
    let re: RegExp;
    try {
      re = new RegExp(regex, 'i');
    } catch {
      throw bad(at);
    }
    return (name) => re.test(name);
  }
  const any = list('or');
  if (any) return (name) => any.some((m) => m(name));
  const all = list('and');
  if (all) return (name) => all.every((m) => m(name));
  return () => false;
}

function bad(at: string): PriceSourceError {
  return new PriceSourceError(`${at}: unexpected format (a malformed "match" rule); prices unchanged`);
}
