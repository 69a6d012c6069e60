// The incremental-counting table of `npm run bench`: a one-character edit and a 100 KB selection on a 2 MB
// document, against a full count of the same text in the same process. Figures only: no floor, no verdict.
import { MB } from './texts.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const ms = (n) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(1) : n.toFixed(3));

/** Markdown for { family: result } of the incremental worker job. */
export function renderIncremental(results, { edits, selections, selectionChars }) {
  const lines = [
    '### Incremental counting',
    '',
    `2 MB document (1 MB English prose + 1 MB source code), one process per family: ${edits} one-character edits ` +
      `at random places (typing and backspace), each \`apply()\` then \`tokens\`; ${selections} selections of ` +
      `${selectionChars / 1024} K characters by \`countRange()\` against \`count()\` of the same slice. ` +
      'Edit and selection figures are medians (max in brackets); the speed-up is full count ÷ median edit.',
    '',
    '| family | full count ms | build ms (blocks) | one-character edit ms | speed-up | 100 KB selection ms: countRange / count | still exact |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [family, r] of Object.entries(results)) {
    if (r.error || r.killed) {
      lines.push(`| ${family} | ${r.error ?? `killed after ${r.killed / 1000} s`} | | | | | |`);
      continue;
    }
    const edit = median(r.editMs);
    lines.push(
      `| ${family} | ${ms(r.fullMs)} | ${ms(r.buildMs)} (${r.blocks}) | ${ms(edit)} (${ms(Math.max(...r.editMs))}) | ` +
        `${Math.round(r.fullMs / edit)}× | ${ms(median(r.rangeMs))} / ${ms(median(r.sliceMs))} | ${r.agrees ? 'yes' : '**NO**'} |`,
    );
  }
  const sizes = Object.values(results).find((r) => r.bytes);
  if (sizes) lines.push('', `Document size: ${(sizes.bytes / MB).toFixed(2)} MB of UTF-8.`);
  return lines.join('\n') + '\n';
}
