import * as assert from 'node:assert/strict';
import schema from '../../src/core/catalog/catalog.schema.json';
import deepseek from '../../src/core/catalog/data/deepseek.json';
import mistral from '../../src/core/catalog/data/mistral.json';
import xai from '../../src/core/catalog/data/xai.json';
import fx from '../../src/core/catalog/data/fx.json';
import holidays from '../../src/core/catalog/data/holidays.json';

type Schema = Record<string, unknown>;
const root = schema as unknown as Schema;

/** The subset of JSON Schema the catalog schema uses; returns the first mismatch as "path: reason". */
function check(value: unknown, s: Schema, path: string): string | undefined {
  if (typeof s.$ref === 'string') return check(value, (root.$defs as Record<string, Schema>)[s.$ref.replace('#/$defs/', '')], path);
  if (Array.isArray(s.oneOf)) {
    const passing = s.oneOf.filter((alt) => check(value, alt as Schema, path) === undefined).length;
    if (passing !== 1) return `${path}: matches ${passing} of the oneOf alternatives`;
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return `${path}: not one of ${s.enum.join(', ')}`;
  if ('const' in s && value !== s.const) return `${path}: must be ${String(s.const)}`;
  const type = s.type as string | undefined;
  if (type === 'null' && value !== null) return `${path}: must be null`;
  if (type === 'string' || typeof value === 'string') {
    if (type && type !== 'string') return `${path}: must be ${type}`;
    if (typeof value !== 'string') return `${path}: must be a string`;
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(value)) return `${path}: does not match ${s.pattern}`;
    if (typeof s.minLength === 'number' && value.length < s.minLength) return `${path}: too short`;
  }
  if (type === 'integer' && !Number.isInteger(value)) return `${path}: must be an integer`;
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) return `${path}: below ${s.minimum}`;
    if (typeof s.maximum === 'number' && value > s.maximum) return `${path}: above ${s.maximum}`;
  }
  if (type === 'array') {
    if (!Array.isArray(value)) return `${path}: must be an array`;
    if (typeof s.minItems === 'number' && value.length < s.minItems) return `${path}: fewer than ${s.minItems} items`;
    for (const [i, item] of value.entries()) {
      const e = check(item, s.items as Schema, `${path}[${i}]`);
      if (e) return e;
    }
  }
  if (type === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path}: must be an object`;
    const obj = value as Record<string, unknown>;
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in obj)) return `${path}: ${key} is required`;
    if (typeof s.minProperties === 'number' && Object.keys(obj).length < s.minProperties) return `${path}: too few properties`;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const [key, v] of Object.entries(obj)) {
      if (s.propertyNames) {
        const e = check(key, s.propertyNames as Schema, `${path}.${key} (name)`);
        if (e) return e;
      }
      const sub = (props[key] ?? s.additionalProperties) as Schema | boolean | undefined;
      if (sub === false) return `${path}.${key}: not allowed`;
      if (sub && typeof sub === 'object') {
        const e = check(v, sub, `${path}.${key}`);
        if (e) return e;
      }
    }
  }
  return undefined;
}

describe('catalog.schema.json', () => {
  const files: [string, unknown][] = [
    ['deepseek.json', deepseek],
    ['mistral.json', mistral],
    ['xai.json', xai],
    ['fx.json', fx],
    ['holidays.json', holidays],
  ];
  for (const [name, data] of files) {
    it(`describes data/${name}`, () => {
      assert.equal(check(data, root, name), undefined);
    });
  }
  it('rejects data the schema does not describe', () => {
    const bad = structuredClone(xai) as unknown as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    bad[0].periods[0].prices.USD.input = 2;
    assert.match(check(bad, root, 'xai.json') ?? '', /oneOf/);
    assert.match(check(bad[0], (root.$defs as Record<string, Schema>).model, 'm') ?? '', /input: must be a string/);
    const extra = structuredClone(fx) as Record<string, unknown>;
    extra.updated = 'yesterday';
    assert.match(check(extra, (root.$defs as Record<string, Schema>).fxTable, 'fx') ?? '', /updated: not allowed/);
    const noSource = structuredClone(deepseek) as unknown as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete noSource[2].periods[0].source;
    assert.match(check(noSource[2], (root.$defs as Record<string, Schema>).model, 'm') ?? '', /source is required/);
    const badDay = structuredClone(holidays);
    badDay.CN.years[0].workdays.push('26 Jan');
    assert.match(check(badDay, (root.$defs as Record<string, Schema>).holidayCalendars, 'h') ?? '', /workdays\[5\]: does not match/);
  });
});
