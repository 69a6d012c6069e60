/** The MCP tools: each validates its input by schema and becomes an `llm-cost` command line run with --json. */
import { z } from 'zod';

const text = z.string().max(50_000_000).optional().describe('the prompt text itself (give text or file)');
const file = z
  .string()
  .min(1)
  .optional()
  .describe('path of a file to read instead of text; .json, .jsonl and .prompt.yml are counted as chat requests');
const modelId = z.string().min(1).max(128);
const tokens = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const fraction = z.number().min(0).max(1);
const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/)
  .describe('USD (default), CNY, EUR, GBP, JPY…');
const at = z.string().min(1).describe('ISO date or date-time (UTC) to price at; default now');

export const estimateInput = {
  text,
  file,
  models: z.array(modelId).max(100).optional().describe('model ids or aliases; default every current model'),
  ratio: z.number().min(0).max(1000).optional().describe('output tokens = ratio × input tokens (default 1)'),
  outputTokens: tokens.optional().describe('a fixed number of output tokens instead of a ratio'),
  cacheHit: fraction.optional().describe('share of the input served from the prompt cache, 0..1 (default 0)'),
  cachedPrefixTokens: tokens.optional().describe('the first N input tokens are a cache hit'),
  currency: currency.optional(),
  at: at.optional(),
  maxCost: z
    .string()
    .regex(/^\d+(\.\d*)?$/)
    .optional()
    .describe('a budget: models over it are listed in maxCost.exceededBy'),
  plain: z.boolean().optional().describe('count a malformed prompt file as plain text instead of failing'),
};

export const countInput = {
  text,
  file,
  model: modelId.describe('model id or alias'),
  plain: estimateInput.plain,
};

export const modelsInput = {
  provider: z.enum(['deepseek', 'mistral', 'xai']).optional(),
  all: z.boolean().optional().describe('include legacy and retired models'),
};

export const usageInput = {
  model: modelId.describe('model id or alias; retired models keep their historical prices'),
  at: at.optional(),
  currency: currency.optional(),
  cacheHitTokens: tokens.optional(),
  cacheMissTokens: tokens.optional(),
  inputTokens: tokens.optional(),
  totalTokens: tokens.optional(),
  inputShare: fraction.optional(),
  outputTokens: tokens.optional(),
  longContext: z.boolean().optional(),
  spreadEvenly: z.boolean().optional(),
  discountedShare: fraction.optional(),
};

type Shape = Record<string, z.ZodType>;
export type Input<S extends Shape> = { [K in keyof S]?: z.infer<S[K]> };

/** A tool's command line: options from the input's fields (camelCase to --kebab-case), --json, then the file. */
export function commandLine(
  command: string,
  input: Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>,
  repeat: Readonly<Record<string, string>> = {},
): string[] {
  const argv = [command, '--json'];
  for (const [key, value] of Object.entries(input)) {
    if (key === 'text' || key === 'file' || value === undefined || value === false) continue;
    const option = `--${repeat[key] ?? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    if (value === true) argv.push(option);
    else if (typeof value === 'object') for (const item of value) argv.push(option, item);
    else argv.push(option, typeof value === 'number' ? decimal(value) : value);
  }
  if (typeof input.file === 'string') argv.push('--', input.file);
  return argv;
}

/** A number as the CLI's option parsers read it: plain decimal digits, never exponent notation. */
function decimal(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
