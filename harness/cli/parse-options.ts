/** Parsing a command's options, with every mistake said in sockgrade's words (never Node's raw parser message). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../model/failure.js';
import { didYouMean } from '../util/suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What {@link parseOptions} returns: option values and positional arguments. */
export interface ParsedOptions {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>;
}

/**
 * Parses `args` of `sockgrade <command>` against `options`; an unknown option gets the nearest
 * known ones ("did you mean --server?"), a missing value says what goes there. Throws
 * {@link UsageError}.
 */
export function parseOptions(command: string, args: readonly string[], options: Options): ParsedOptions {
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true, tokens: true });
    return { values: parsed.values as ParsedOptions['values'], positionals: parsed.positionals, tokens: parsed.tokens };
  } catch (err) {
    throw new UsageError(explain(command, err as Error & { code?: string }, options));
  }
}

function explain(command: string, err: Error & { code?: string }, options: Options): string {
  const help = `run "sockgrade ${command} --help"`;
  const name = /'(-[^' ]*)/.exec(err.message)?.[1] ?? '';
  const known = Object.keys(options).map((k) => `--${k}`);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const bare = name.replace(/=.*$/, '');
    const near = didYouMean(bare, known);
    return `"sockgrade ${command}" has no option ${bare}:${near || ` its options are ${known.join(', ')}`} (${help})`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const key = name.replace(/^--?/, '');
    const option = options[key];
    if (option?.type === 'boolean') return `${name} takes no value (${help})`;
    return `${name} needs a value: ${name} <value> (${help})`;
  }
  return `${err.message.split('\n')[0] ?? 'bad arguments'} (${help})`;
}
