/** A small strict argument parser: --name value, --name=value, -h, repeatable options, "-" and "--". */
import { UsageError } from './errors';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed options with typed accessors. */
export class ParsedArgs {
  constructor(
    private readonly values: ReadonlyMap<string, readonly string[] | true>,
    readonly positionals: readonly string[],
  ) {}

  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string | undefined {
    const v = this.values.get(name);
    return v === true || v === undefined ? undefined : v[v.length - 1];
  }

  strings(name: string): readonly string[] {
    const v = this.values.get(name);
    return v === true || v === undefined ? [] : v;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }
}

/** Parses `args` for `command` against `specs`; throws UsageError on unknown options or missing values. */
export function parseArgs(command: string, args: readonly string[], specs: OptionSpecs): ParsedArgs {
  const values = new Map<string, string[] | true>();
  const positionals: string[] = [];
  const shorts = new Map(Object.entries(specs).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  const hint = `see 'llm-cost ${command} --help'`;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq < 0 ? undefined : arg.slice(eq + 1);
    } else {
      const long = arg.length === 2 ? shorts.get(arg[1]) : undefined;
      if (!long) throw new UsageError(`unknown option ${arg} for '${command}' (${hint})`);
      name = long;
    }
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) throw new UsageError(`unknown option --${name} for '${command}' (${hint})`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value`);
      values.set(name, true);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`option --${name} needs a value (${hint})`);
      }
      value = next;
      i++;
    }
    const prior = values.get(name);
    if (Array.isArray(prior) && !spec.multiple) throw new UsageError(`option --${name} given more than once`);
    values.set(name, [...(Array.isArray(prior) ? prior : []), value]);
  }
  return new ParsedArgs(values, positionals);
}
