/**
 * `npm run prices:audit`: every disagreement between the bundled catalog's current prices, context windows and
 * tiers and two public catalogs (pinned npm packages), with the recorded reason where there is one.
 * `--record` adds the unrecorded ones with an empty reason (write it) and drops recorded ones no longer found.
 * Exit 1 while any disagreement has no reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultCatalog } from '../../src/core/catalog/catalog';
import { auditCatalog, unrecorded } from '../../src/core/catalog/priceAudit';
import type { RecordedDisagreement } from '../../src/core/catalog/priceAudit';
import { aiSdkReference, genaiPricesReference } from './references';

export const RECORDED_FILE = path.join('src', 'core', 'catalog', 'auditRecorded.json');

export function readRecorded(root: string): RecordedDisagreement[] {
  return JSON.parse(readFileSync(path.join(root, RECORDED_FILE), 'utf8')) as RecordedDisagreement[];
}

function main(root: string, record: boolean): number {
  const now = new Date();
  const findings = auditCatalog(defaultCatalog(), [genaiPricesReference(now), aiSdkReference(now)], now);
  const recorded = readRecorded(root);
  const { fresh, stale } = unrecorded(findings, recorded);
  const reasonOf = (key: string, ours: string, theirs: string) =>
    recorded.find((r) => r.key === key && r.ours === ours && r.theirs === theirs)?.reason.trim();
  for (const f of findings) {
    const reason = reasonOf(f.key, f.ours, f.theirs);
    process.stdout.write(
      `${reason ? 'recorded  ' : 'UNRECORDED'} ${f.key}: ours ${f.ours}, theirs ${f.theirs}${reason ? ` (${reason})` : ''}\n`,
    );
  }
  for (const s of stale) process.stdout.write(`resolved   ${s.key}: no longer disagrees (ours ${s.ours}, theirs ${s.theirs})\n`);
  process.stdout.write(`\n${findings.length} disagreements, ${fresh.length} without a reason, ${stale.length} recorded ones resolved.\n`);
  if (record) {
    const kept = recorded.filter((r) => !stale.includes(r));
    const added = fresh.filter((f) => !kept.some((r) => r.key === f.key && r.ours === f.ours && r.theirs === f.theirs));
    const next = [...kept, ...added.map((f) => ({ ...f, reason: '' }))].sort((a, b) => a.key.localeCompare(b.key));
    writeFileSync(path.join(root, RECORDED_FILE), `${JSON.stringify(next, null, 2)}\n`);
    process.stdout.write(
      `Wrote ${RECORDED_FILE}: ${added.length} added with an empty reason (write one for each), ${stale.length} dropped.\n`,
    );
  } else if (fresh.length) {
    process.stdout.write(`Record them: npm run prices:audit -- --record, then write each "reason" in ${RECORDED_FILE}.\n`);
  }
  return fresh.length && !record ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.cwd(), process.argv.includes('--record'));
