// Turns benchmark measurements into the markdown table and the PASS/FAIL list against the floors.
import { KINDS, MB } from './texts.mjs';

export const FLOORS = {
  englishMBps: 8,
  englishVsTiktoken: 5,
  chineseMBps: 3,
  degenerateSecPerMB: 1,
  loadMs: 300,
  allLoadedMB: 150,
  vsixMB: 10,
};

const fmt = (n, digits = 1) => (typeof n !== 'number' || Number.isNaN(n) ? 'n/a' : n >= 100 ? n.toFixed(0) : n.toFixed(digits));
const mbps = (r) => r.bytes / MB / (r.ms / 1000);
const cpuMbps = (r) => r.bytes / MB / (r.cpuMs / 1000);
const withCpu = (r) => `${fmt(mbps(r))} MB/s (CPU time: ${fmt(cpuMbps(r))} MB/s)`;
const ok = (r) => r && !r.error && !r.killed;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

function tiktokenCell(kind, t) {
  if (t.error) return 'error (see below)';
  const size = `${fmt(t.bytes / 1024, 0)} KB`;
  if (t.killed) return `> ${t.killed / 1000} s for ${size} (killed)`;
  if (t.sliced) return `${(t.ms / 1000).toFixed(2)} s for a ${size} slice (> ${fmt(t.ms / 1000 / (t.bytes / MB), 0)} s/MB: quadratic)`;
  if (KINDS[kind].degenerate) return `${(t.ms / 1000 / (t.bytes / MB)).toFixed(2)} s/MB`;
  return `${fmt(mbps(t), 2)} MB/s`;
}

function ratio(ours, t) {
  if (!ok(ours) || !t || t.error) return '';
  if (t.killed) return ` (> ${fmt(mbps(ours) / (t.bytes / MB / (t.killed / 1000)), 0)}×)`;
  const x = mbps(ours) / mbps(t);
  return ` (${t.sliced ? '≥ ' : ''}${fmt(x)}×)`;
}

function cell(kind, ours, t) {
  if (!ours) return 'not run';
  if (ours.error) return 'error (see below)';
  if (ours.killed) return `> ${ours.killed / 1000} s (killed)`;
  if (KINDS[kind].degenerate) return `${(ours.ms / 1000 / (ours.bytes / MB)).toFixed(3)} s/MB${ratio(ours, t)}`;
  return `${fmt(mbps(ours))} MB/s${ratio(ours, t)}`;
}

/** Checks every floor; returns [{ floor, pass (true, false, or null when not measured), detail }]. */
export function checkFloors({ families, results, tiktoken, memory, vsix }) {
  const checks = [];
  const add = (floor, pass, detail) => checks.push({ floor, pass, detail });
  for (const f of families) {
    const r = results[f];
    const en = r.english;
    const enOk = ok(en) && mbps(en) >= FLOORS.englishMBps;
    add(`${f}: English ≥ ${FLOORS.englishMBps} MB/s`, enOk, ok(en) ? withCpu(en) : cell('english', en));
    const t = tiktoken.english;
    const x = ok(en) && ok(t) ? mbps(en) / mbps(t) : NaN;
    const xCpu = ok(en) && ok(t) ? cpuMbps(en) / cpuMbps(t) : NaN;
    add(
      `${f}: English ≥ ${FLOORS.englishVsTiktoken}× js-tiktoken cl100k`,
      x >= FLOORS.englishVsTiktoken,
      Number.isNaN(x) ? 'not measurable' : `${fmt(x)}× (CPU time: ${fmt(xCpu)}×)`,
    );
    const zh = r.chinese;
    add(`${f}: Chinese ≥ ${FLOORS.chineseMBps} MB/s`, ok(zh) && mbps(zh) >= FLOORS.chineseMBps, ok(zh) ? withCpu(zh) : cell('chinese', zh));
    for (const kind of Object.keys(KINDS).filter((k) => KINDS[k].degenerate)) {
      const d = r[kind];
      const spm = ok(d) ? d.ms / 1000 / (d.bytes / MB) : Infinity;
      add(
        `${f}: ${KINDS[kind].label} ≤ ${FLOORS.degenerateSecPerMB} s per MB`,
        spm <= FLOORS.degenerateSecPerMB,
        ok(d) ? `${spm.toFixed(3)} s/MB (CPU time: ${(d.cpuMs / 1000 / (d.bytes / MB)).toFixed(3)} s/MB)` : cell(kind, d),
      );
    }
    const loads = Object.values(r)
      .filter(ok)
      .map((x) => x.loadMs);
    const m = median(loads);
    const mCpu = median(
      Object.values(r)
        .filter(ok)
        .map((x) => x.loadCpuMs),
    );
    add(
      `${f}: vocabulary loads in ≤ ${FLOORS.loadMs} ms`,
      m <= FLOORS.loadMs,
      loads.length ? `median ${fmt(m, 0)} ms of ${loads.length} cold loads (CPU time: ${fmt(mCpu, 0)} ms)` : 'no load measured',
    );
  }
  if (memory.error) add(`all families loaded ≤ ${FLOORS.allLoadedMB} MB RSS`, false, `error: ${memory.error}`);
  else {
    const missing = Object.keys(memory.failed ?? {});
    add(
      `all families loaded ≤ ${FLOORS.allLoadedMB} MB RSS`,
      missing.length === 0 && memory.maxRss / MB <= FLOORS.allLoadedMB,
      `peak ${fmt(memory.maxRss / MB)} MB (Node baseline ${fmt(memory.baselineRss / MB)} MB)` +
        (missing.length ? `; not counted, failed to load: ${missing.join(', ')}` : ''),
    );
  }
  if (vsix)
    add(`packaged .vsix ≤ ${FLOORS.vsixMB} MB`, vsix.bytes / MB <= FLOORS.vsixMB, `${vsix.name}: ${(vsix.bytes / MB).toFixed(2)} MB`);
  else add(`packaged .vsix ≤ ${FLOORS.vsixMB} MB`, null, 'not packaged (no *.vsix in the repository root; run `npm run package`)');
  return checks;
}

/** The markdown report: results table, js-tiktoken baseline, floors. */
export function renderReport({ families, results, tiktoken, memory, vsix, meta }) {
  const kinds = Object.keys(KINDS);
  const lines = [];
  lines.push(
    `Measured ${meta.date} on ${meta.cpus} × ${meta.cpuModel}, Node ${meta.node}, commit ${meta.commit}. ` +
      'Every cell is a fresh process (cold: the text is new to it); throughput is count() on the whole text; ' +
      '(×) is the ratio to js-tiktoken cl100k on the same text in the same run.',
    '',
  );
  const requires = families.flatMap((f) =>
    Object.values(results[f])
      .filter(ok)
      .map((x) => x.requireMs),
  );
  lines.push(
    `Requiring the bundled registry itself (before any vocabulary loads) takes ${fmt(median(requires), 0)} ms (median of ${requires.length} processes).`,
    '',
  );
  if (meta.loadAverage > meta.cpus) {
    lines.push(
      `**Machine busy:** load average ${meta.loadAverage.toFixed(1)} on ${meta.cpus} cores during the run; ` +
        'wall-clock figures are depressed and not representative (the floors below also give CPU-time figures).',
      '',
    );
  }
  lines.push(
    `| family | exact | load ms (median / max) | ${kinds.map((k) => `${KINDS[k].label} (${fmt(KINDS[k].bytes / 1024, 0)} KB)`).join(' | ')} |`,
  );
  lines.push(`|---|---|---|${kinds.map(() => '---').join('|')}|`);
  for (const f of families) {
    const r = results[f];
    const loads = Object.values(r)
      .filter(ok)
      .map((x) => x.loadMs);
    const exact = Object.values(r).find(ok)?.exact;
    const load = loads.length ? `${fmt(median(loads), 0)} / ${fmt(Math.max(...loads), 0)}` : 'n/a';
    lines.push(
      `| ${f} | ${exact === undefined ? '?' : exact ? 'yes' : 'no'} | ${load} | ${kinds.map((k) => cell(k, r[k], tiktoken[k])).join(' | ')} |`,
    );
  }
  const tl = Object.values(tiktoken)
    .filter(ok)
    .map((t) => t.loadMs);
  lines.push(
    `| js-tiktoken cl100k (reference) | yes | ${tl.length ? fmt(median(tl), 0) : 'n/a'} | ${kinds.map((k) => tiktokenCell(k, tiktoken[k])).join(' | ')} |`,
  );
  const errors = new Map();
  const noteError = (who, r) => {
    if (r?.error) errors.set(r.error, [...(errors.get(r.error) ?? []), who]);
  };
  for (const f of families) for (const k of kinds) noteError(`${f} ${k}`, results[f][k]);
  for (const k of kinds) noteError(`js-tiktoken ${k}`, tiktoken[k]);
  if (memory.failed) for (const [f, e] of Object.entries(memory.failed)) noteError(`${f} (memory run)`, { error: e });
  if (errors.size)
    lines.push(
      '',
      'Errors:',
      ...[...errors].map(
        ([e, who]) => `- ${who.length > 3 ? `${who.slice(0, 3).join(', ')} and ${who.length - 3} more` : who.join(', ')}: ${e}`,
      ),
    );
  lines.push('', 'grok-estimate counts with the o200k engine (same code path as openai-o200k).', '');
  const checks = checkFloors({ families, results, tiktoken, memory, vsix });
  const passed = checks.filter((c) => c.pass === true).length;
  const unmeasured = checks.filter((c) => c.pass === null).length;
  lines.push(`### Floors: ${passed} of ${checks.length} PASS${unmeasured ? `, ${unmeasured} not measured` : ''}`, '');
  lines.push('| floor | result | measured |', '|---|---|---|');
  for (const c of checks) lines.push(`| ${c.floor} | ${c.pass === null ? 'NOT MEASURED' : c.pass ? 'PASS' : '**FAIL**'} | ${c.detail} |`);
  return { markdown: lines.join('\n') + '\n', checks };
}
