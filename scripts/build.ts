/**
 * `npm run build [-- --input DIR --articles DIR --output DIR --skip-segment --pages-per-shard N --workers N]`:
 * segment → Eleventy → Pagefind, in one command. The site is built into a temporary folder
 * and swapped into `_site/` only when every stage succeeded, so a failed build leaves the
 * previous site intact. A rebuild segments only the raw files that changed and renders only the
 * pages they touch (state under .cache/).
 *
 * Exit codes: 0 built; 1 a stage failed or no file yielded an article; 2 a bad command line
 * or an input/output folder problem. Errors are one line on stderr; BAOKU_DEBUG=1 adds the
 * stack trace.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBuild } from '../src/build/build-run.ts';
import { BuildError } from '../src/build/site-build.ts';
import { firstLine } from '../src/build/messages.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../src/build/segment-run.ts';

const ROOT = resolve(import.meta.dirname, '..');

function fail(code: number, message: string, err?: unknown): never {
  console.error(`build: ${message}`);
  if (err !== undefined && process.env.BAOKU_DEBUG) console.error(err);
  process.exit(code);
}

let values: { input?: string; articles?: string; output?: string; 'skip-segment'?: boolean; 'max-file-mb'?: string; 'pages-per-shard'?: string; workers?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      input: { type: 'string' },
      articles: { type: 'string' },
      output: { type: 'string' },
      'skip-segment': { type: 'boolean', default: false },
      'max-file-mb': { type: 'string' },
      'pages-per-shard': { type: 'string' },
      workers: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  }));
} catch (err) {
  fail(2, `${firstLine(err)} (--help lists the options)`);
}
if (values.help) {
  console.log('usage: npm run build -- [--input DIR] [--articles DIR] [--output DIR] [--skip-segment] [--max-file-mb N] [--pages-per-shard N] [--workers N]');
  process.exit(0);
}
const maxMb = values['max-file-mb'] === undefined ? DEFAULT_MAX_FILE_BYTES / 1048576 : Number(values['max-file-mb']);
if (!(maxMb > 0)) fail(2, `--max-file-mb must be a positive number of MiB, not ${values['max-file-mb']}`);
const count = (name: 'pages-per-shard' | 'workers'): number | undefined => {
  const v = values[name];
  if (v === undefined) return undefined;
  if (!/^[1-9]\d*$/u.test(v)) fail(2, `--${name} must be a whole number above 0, not ${v}`);
  return Number(v);
};
const pagesPerShard = count('pages-per-shard');
const workers = count('workers');

try {
  // given folders are relative to the working directory; the defaults are the project's own
  await runBuild({
    input: values.input ?? resolve(ROOT, 'content/raw'),
    articles: values.articles ?? resolve(ROOT, 'content/articles'),
    output: values.output ?? resolve(ROOT, '_site'),
    skipSegment: values['skip-segment'],
    maxFileBytes: maxMb * 1048576,
    pagesPerShard,
    workers,
    log: (l) => console.log(l),
    warn: (l) => console.error(l),
  });
} catch (err) {
  if (err instanceof BuildError) fail(err.code, err.message);
  fail(1, `unexpected error: ${firstLine(err)} (BAOKU_DEBUG=1 shows where)`, err);
}
