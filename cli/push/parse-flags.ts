/**
 * A small flag reader for push, resume and jobs: `--name value`, `--name=value`, boolean
 * switches and repeatable flags. Anything unknown is a usage mistake (exit 2), said plainly.
 */
import { UsageError } from '../command';
import { quoteArgument } from '../quote-argument';

type FlagKind = 'text' | 'switch' | 'repeated';

interface ParsedFlags {
  readonly positionals: string[];
  readonly text: Map<string, string>;
  readonly switches: Set<string>;
  readonly repeated: Map<string, string[]>;
}

export function parseFlags(
  args: readonly string[],
  spec: Readonly<Record<string, FlagKind>>,
): ParsedFlags {
  const parsed: ParsedFlags = {
    positionals: [],
    text: new Map(),
    switches: new Set(),
    repeated: new Map(),
  };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (!arg.startsWith('--') || arg === '--') {
      parsed.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals >= 0 ? equals : undefined);
    const kind = spec[name];
    if (!kind) throw new UsageError(`Unknown option --${name}.`);
    if (kind === 'switch') {
      if (equals >= 0) throw new UsageError(`--${name} takes no value.`);
      parsed.switches.add(name);
      continue;
    }
    let value = equals >= 0 ? arg.slice(equals + 1) : args[index + 1];
    if (equals < 0) index += 1;
    if (value === undefined || (equals < 0 && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value.`);
    }
    value = value.trim();
    if (kind === 'text') {
      if (parsed.text.has(name)) throw new UsageError(`--${name} is given twice.`);
      parsed.text.set(name, value);
    } else {
      parsed.repeated.set(name, [...(parsed.repeated.get(name) ?? []), value]);
    }
  }
  return parsed;
}

/** `--rate`: a positive number of requests per second. */
export function parseRate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) {
    throw new UsageError(
      `--rate must be a number of requests per second above 0, like 5 (got ${quoteArgument(value)}).`,
    );
  }
  return rate;
}
