/**
 * Command-line flags, for every command: node:util's `parseArgs`, strict (a mistyped flag is an
 * error, not a default silently used), with its refusals said as one line an editor can act on.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the command cannot run: print the message and the usage, exit 2. */
export class UsageError extends Error {}

/**
 * The flags and positional arguments of `config.args`. `needs` says what a flag's value is
 * (`{ root: 'a folder' }`), for the message when it is left out: "--root needs a folder".
 * Throws `UsageError` with parseArgs' own first line otherwise ("Unknown option '--formt'").
 */
export function readArgs<T extends Omit<ParseArgsConfig, 'strict'>>(config: T, needs: Record<string, string> = {}): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'--([\w-]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag && config.options?.[flag]?.type === 'string') throw new UsageError(`--${flag} needs ${needs[flag] ?? 'a value'}`);
    throw new UsageError(message.split('\n')[0]!);
  }
}
