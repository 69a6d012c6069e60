/** Command-line options via Node's util.parseArgs, plus the CLI's own strictness and one-line messages. */
import { parseArgs as nodeParseArgs } from 'node:util';
import { UsageError } from './errors';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type Values = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

/** Parsed options with typed accessors. */
export class ParsedArgs {
  constructor(
    private readonly values: Values,
    readonly positionals: readonly string[],
  ) {}

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  string(name: string): string | undefined {
    const all = this.strings(name);
    return all[all.length - 1];
  }

  strings(name: string): readonly string[] {
    const v = this.values[name];
    return (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string');
  }

  has(name: string): boolean {
    return Object.hasOwn(this.values, name);
  }
}

/**
 * Parses `args` for `command` against `specs`; throws UsageError on unknown options, missing values, values on
 * flags and repeats. util.parseArgs runs non-strict because strict mode rejects "--ratio -1" as ambiguous, while
 * this CLI takes it (and validates the number later); its tokens are checked here instead.
 */
export function parseArgs(command: string, args: readonly string[], specs: OptionSpecs): ParsedArgs {
  const hint = `see 'llm-cost ${command} --help'`;
  const parsed = nodeParseArgs({ args: [...args], options: { ...specs }, strict: false, allowPositionals: true, tokens: true });
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const { name } = token;
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec) throw new UsageError(`unknown option ${token.rawName} for '${command}' (${hint})`);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option --${name} takes no value`);
    } else if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--') && token.value.length > 2)) {
      throw new UsageError(`option --${name} needs a value (${hint})`);
    }
    if (seen.has(name) && !spec.multiple) throw new UsageError(`option --${name} given more than once`);
    seen.add(name);
  }
  return new ParsedArgs(parsed.values, parsed.positionals);
}
