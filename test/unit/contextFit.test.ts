import * as assert from 'node:assert/strict';
import { contextFit, NEAR_FULL_SHARE } from '../../src/core/cost/contextFit';
import { defaultCatalog, findModel } from '../../src/core/catalog/catalog';

describe('contextFit', () => {
  const model = { contextWindow: 131_072, maxOutput: undefined };

  it('a small prompt fits, with its share of the window', () => {
    const fit = contextFit(model, 1_000, 1_000);
    assert.equal(fit.fits, true);
    assert.equal(fit.level, 'fits');
    assert.equal(fit.usedTokens, 2_000);
    assert.equal(fit.share, 2_000 / 131_072);
    assert.equal(fit.overBy, 0);
  });

  it('is near the limit from 90% of the window, and over it past the window', () => {
    const near = Math.ceil(131_072 * NEAR_FULL_SHARE);
    assert.equal(contextFit(model, near - 1, 0).level, 'fits');
    assert.equal(contextFit(model, near, 0).level, 'near');
    assert.equal(contextFit(model, 131_072, 0).level, 'near');
    const over = contextFit(model, 340_259, 340_259);
    assert.equal(over.fits, false);
    assert.equal(over.level, 'over');
    assert.equal(over.overBy, 680_518 - 131_072);
  });

  it('a projected output above the maximum output does not fit, even inside the window', () => {
    const fit = contextFit({ contextWindow: 1_000_000, maxOutput: 8_192 }, 10_000, 10_000);
    assert.equal(fit.outputOverMax, 10_000 - 8_192);
    assert.equal(fit.fits, false);
    assert.equal(fit.level, 'over');
  });

  it('an unknown window (0) is "unknown", never a false "fits"', () => {
    const fit = contextFit({ contextWindow: 0 }, 5, 5);
    assert.equal(fit.level, 'unknown');
    assert.equal(fit.share, undefined);
  });

  it('uses the catalog window: a 2 MB file does not fit Ministral 3 3B', () => {
    const m = findModel(defaultCatalog(), 'ministral-3b-2512') ?? defaultCatalog().models.find((x) => /ministral.*3b/i.test(x.id));
    assert.ok(m, 'a Ministral 3B model is in the catalog');
    assert.equal(contextFit(m, 340_259, 340_259).fits, false);
  });
});
