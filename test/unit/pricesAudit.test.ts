import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { auditCatalog, unrecorded } from '../../src/core/catalog/priceAudit';
import type { RecordedDisagreement } from '../../src/core/catalog/priceAudit';
import { aiSdkReference, genaiPricesReference } from '../../scripts/audit/references';

const RECORDED = 'src/core/catalog/auditRecorded.json';

describe('catalog audit against @pydantic/genai-prices and ai-sdk-cost-calculator', () => {
  const now = new Date();
  const findings = auditCatalog(defaultCatalog(), [genaiPricesReference(now), aiSdkReference(now)], now);
  const recorded = JSON.parse(readFileSync(path.resolve(__dirname, '../..', RECORDED), 'utf8')) as RecordedDisagreement[];

  it('finds the references usable (each prices some current model of ours)', () => {
    assert.ok(genaiPricesReference(now).quotes.some((q) => q.id === 'grok-4.3'));
    assert.ok(aiSdkReference(now).quotes.some((q) => q.id === 'deepseek-v4-flash'));
  });

  it('has a recorded reason for every disagreement on current prices, context windows and tiers', () => {
    const { fresh } = unrecorded(findings, recorded);
    assert.deepEqual(
      fresh.map((f) => `${f.key}: ours ${f.ours}, theirs ${f.theirs}`),
      [],
      `unrecorded disagreements: check each against the provider's page, fix the catalog or run 'npm run prices:audit -- --record' and write its "reason" in ${RECORDED}`,
    );
  });

  it('reports a changed reference price as a new disagreement', () => {
    const set = genaiPricesReference(now);
    const changed = {
      ...set,
      quotes: set.quotes.map((q) => (q.id === 'grok-4.3' ? { ...q, prices: { ...q.prices, output: '9.75' } } : q)),
    };
    const fresh = unrecorded(auditCatalog(defaultCatalog(), [changed], now), recorded).fresh;
    assert.ok(
      fresh.some((f) => f.key === 'genai-prices grok-4.3 output' && f.theirs === '9.75'),
      JSON.stringify(fresh),
    );
  });
});
