/** `llm-cost count`: the token count of a file or stdin for one model. */
import { defaultCatalog } from '../../core/catalog/catalog';
import { formatCount, formatErrorBand, formatTokens } from '../../core/format/tokens';
import { parseArgs } from '../args';
import { EXIT, UsageError } from '../errors';
import { readInput } from '../io';
import type { CliIo } from '../io';
import { COUNT_HELP } from '../help';
import { resolveModel } from '../catalog';
import { Counter } from '../counting';
import { promptModel } from '../declared';
import { Warnings } from '../warnings';
import type { CliCount } from '../counting';

/** Prints the count as text or JSON. */
export async function runCount(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs('count', argv, {
    model: { type: 'string' },
    json: { type: 'boolean' },
    exact: { type: 'boolean' },
    plain: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (args.flag('help')) {
    io.stdout.write(COUNT_HELP);
    return EXIT.ok;
  }
  const modelId = args.string('model');
  const input = await readInput(args.positionals, io, 'count');
  const catalog = defaultCatalog();
  const named = modelId === undefined ? promptModel(catalog, input, io.now ?? new Date(), new Warnings(io))?.model : undefined;
  if (modelId === undefined && !named)
    throw new UsageError(`'count' needs --model ID (see 'llm-cost models'), or a prompt file that names a known model`);
  const model = named ?? resolveModel(catalog, modelId as string);
  const count = await new Counter(io, { plain: args.flag('plain'), exact: args.flag('exact') }).count(input, model);
  io.stdout.write(args.flag('json') ? `${JSON.stringify(countJson(count), null, 2)}\n` : countText(count, input.label));
  return EXIT.ok;
}

function countJson(c: CliCount): unknown {
  return {
    model: c.model,
    tokenizer: c.tokenizer,
    tokens: c.tokens,
    exact: c.exact,
    label: c.label,
    errorBand: c.errorBand ?? null,
    format: c.format,
    requests: c.requests,
    messages: c.messages,
    templateTokens: c.templateTokens,
    templateExact: c.templateExact,
    templateNotes: c.templateNotes ?? [],
    uncountedParts: c.uncountedParts ?? [],
    fallback: c.fallback ?? null,
    source: c.source,
  };
}

function countText(c: CliCount, label: string): string {
  const rows: [string, string][] = [
    ['tokens', formatCount(c)],
    ['model', c.model],
    ['tokenizer', `${c.label} (${c.exact ? 'exact' : 'estimate'})`],
  ];
  if (c.errorBand) rows.push(['error band', `${formatErrorBand(c.errorBand)} (${c.errorBand.basis})`]);
  if (c.source === 'xai-tokenize-text') rows.push(['counted by', "xAI's tokenize-text endpoint"]);
  rows.push(['input', `${label}, ${describeFormat(c)}`]);
  for (const note of c.templateNotes ?? []) rows.push(['note', note]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}

function describeFormat(c: CliCount): string {
  if (c.format === 'plain' || c.format === 'markdown') return c.format === 'plain' ? 'plain text' : 'Markdown (whole text)';
  const parts: string[] = [c.format];
  if (c.requests > 1) parts.push(`${formatTokens(c.requests)} requests`);
  parts.push(`${formatTokens(c.messages)} messages`, `${formatTokens(c.templateTokens)} template tokens`);
  return parts.join(', ');
}
