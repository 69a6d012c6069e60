import * as assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import schema from '../../src/core/catalog/catalog.schema.json';
import deepseek from '../../src/core/catalog/data/deepseek.json';
import mistral from '../../src/core/catalog/data/mistral.json';
import xai from '../../src/core/catalog/data/xai.json';
import fx from '../../src/core/catalog/data/fx.json';
import holidays from '../../src/core/catalog/data/holidays.json';

const ajv = new Ajv2020({ allErrors: false, strict: true });
const validate = ajv.compile(schema);
const validateDef = (def: string) => ajv.getSchema(`${schema.$id}#/$defs/${def}`)!;

/** The first mismatch as "path reason", or undefined when `value` matches. */
function check(value: unknown, v: ValidateFunction = validate): string | undefined {
  if (v(value)) return undefined;
  const [first] = v.errors ?? [];
  return `${first.instancePath || '/'} ${first.message ?? ''} ${JSON.stringify(first.params)}`;
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
      assert.equal(check(data), undefined);
    });
  }
  it('rejects data the schema does not describe', () => {
    const bad = structuredClone(xai) as unknown as { periods: { prices: Record<string, Record<string, unknown>> }[] }[];
    bad[0].periods[0].prices.USD.input = 2;
    assert.match(check(bad) ?? '', /^\/0\/periods\/0\/prices\/USD\/input must be string/);
    assert.match(check(bad[0], validateDef('model')) ?? '', /\/periods\/0\/prices\/USD\/input must be string/);
    const extra = structuredClone(fx) as Record<string, unknown>;
    extra.updated = 'yesterday';
    assert.match(check(extra, validateDef('fxTable')) ?? '', /must NOT have additional properties .*updated/);
    const noSource = structuredClone(deepseek) as unknown as { periods: Record<string, unknown>[] }[];
    delete noSource[2].periods[0].source;
    assert.match(check(noSource[2], validateDef('model')) ?? '', /must have required property 'source'/);
    const badDay = structuredClone(holidays);
    badDay.CN.years[0].workdays.push('26 Jan');
    assert.match(check(badDay, validateDef('holidayCalendars')) ?? '', /\/CN\/years\/0\/workdays\/5 must match pattern/);
  });
});
