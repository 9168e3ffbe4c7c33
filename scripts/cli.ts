/**
 * What every command line of scripts/ shares: reading the options (`--help` prints the usage), one
 * line per error on stderr with the command's name, and the exit codes — 0 done, 1 the work
 * failed, 2 a bad command line or folder. BAOKU_DEBUG=1 adds an unexpected error's stack trace.
 */
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { diskFullMessage, firstLine } from '../src/build/messages.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../src/build/segment-run.ts';

/** The project folder: the default input and output folders are its own. */
export const ROOT = resolve(import.meta.dirname, '..');

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Cli {
  /** Print `<name>: <message>` on stderr and exit with `code`. */
  fail(code: number, message: string, err?: unknown): never;
  /** A whole number above 0 given as `--<flag>`, undefined when not given; anything else exits 2. */
  count(flag: string, value: string | undefined): number | undefined;
  /** `--max-file-mb` in bytes (DEFAULT_MAX_FILE_BYTES when not given); not a positive number exits 2. */
  maxFileBytes(value: string | undefined): number;
  /** Run the command's work: an error nobody expected exits 1 with one line. */
  run(main: () => Promise<void>): Promise<void>;
}

export function cli(name: string): Cli {
  const fail = (code: number, message: string, err?: unknown): never => {
    console.error(`${name}: ${message}`);
    if (err !== undefined && process.env.BAOKU_DEBUG) console.error(err);
    process.exit(code);
  };
  return {
    fail,
    count(flag, value) {
      if (value === undefined) return undefined;
      if (!/^[1-9]\d*$/u.test(value)) fail(2, `--${flag} must be a whole number above 0, not ${value}`);
      return Number(value);
    },
    maxFileBytes(value) {
      const mb = value === undefined ? DEFAULT_MAX_FILE_BYTES / 1048576 : Number(value);
      if (!(mb > 0)) fail(2, `--max-file-mb must be a positive number of MiB, not ${value}`);
      return mb * 1048576;
    },
    async run(main) {
      try {
        await main();
      } catch (err) {
        const full = diskFullMessage(err, process.cwd());
        fail(full ? 2 : 1, full ?? `unexpected error: ${firstLine(err)} (BAOKU_DEBUG=1 shows where)`, err);
      }
    },
  };
}

/**
 * The options of the command line (`--help` is added: it prints `usage` and exits 0). An unknown
 * option or a stray argument exits 2.
 */
export function options<const O extends Options>(name: string, usage: string, opts: O) {
  return optionsAndArguments(name, usage, opts, false).values;
}

/**
 * options(), and the arguments that are not options (`--merge a b c`: b and c) when `positionals`
 * allows them; the command says what they are and refuses them where they mean nothing.
 */
export function optionsAndArguments<const O extends Options, const P extends boolean>(name: string, usage: string, opts: O, positionals: P) {
  const config = { options: { ...opts, help: { type: 'boolean', default: false } } as O & { help: { type: 'boolean'; default: false } }, allowPositionals: positionals } as const;
  const parse = () => {
    try {
      return parseArgs(config);
    } catch (err) {
      return cli(name).fail(2, `${firstLine(err)} (--help lists the options)`);
    }
  };
  const parsed = parse();
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
