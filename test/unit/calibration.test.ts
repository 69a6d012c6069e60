import * as assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020';
import schema from '../../src/core/catalog/calibration.schema.json';
import data from '../../src/core/catalog/data/calibration.json';
import { CALIBRATION, parseCalibration } from '../../src/core/catalog/calibration';
import { grokPrefixAllowance } from '../../src/core/prompt/templates/estimate';
import { describeTokenizer } from '../../src/core/tokenize/registry';

const validate = new Ajv2020({ strict: true }).compile(schema);

describe('calibration data', () => {
  it('matches calibration.schema.json', () => {
    assert.equal(validate(data), true, JSON.stringify(validate.errors));
  });

  it('is what the Grok estimate uses: the prefix allowance and the error band', () => {
    assert.equal(CALIBRATION.grokPrefixAllowance, data.grokPrefixAllowance.tokens);
    assert.equal(grokPrefixAllowance('grok-4'), data.grokPrefixAllowance.tokens);
    assert.equal(grokPrefixAllowance('grok-4-fast-non-reasoning'), 0);
    const { low, high, basis } = data.grokEstimateBand;
    assert.deepEqual(describeTokenizer('grok-estimate').errorBand, { low, high, basis });
  });

  it('rejects data without a source or day, or with an impossible band, in one line naming the field', () => {
    const broken = (change: (d: typeof data) => void) => {
      const copy = structuredClone(data);
      change(copy);
      return copy;
    };
    // The third field: whether the schema can see it too (a real calendar day and low ≤ high it cannot).
    const cases: [unknown, RegExp, boolean][] = [
      [broken((d) => (d.grokPrefixAllowance.source = '')), /grokPrefixAllowance\.source/, true],
      [broken((d) => (d.grokEstimateBand.measured = '2026-13-01')), /grokEstimateBand\.measured must be a day/, false],
      [broken((d) => (d.grokPrefixAllowance.tokens = -1)), /tokens must be a whole number/, true],
      [broken((d) => (d.grokEstimateBand.low = 2)), /0 < low ≤ high/, false],
      [{}, /grokPrefixAllowance is missing/, true],
      [null, /grokPrefixAllowance is missing/, true],
    ];
    for (const [bad, message, schemaToo] of cases) {
      assert.throws(
        () => parseCalibration(bad),
        (e: Error) => message.test(e.message) && !e.message.includes('\n'),
      );
      if (schemaToo) assert.equal(validate(bad), false, `the schema rejects it too: ${JSON.stringify(bad)}`);
    }
  });
});
