/**
 * `npm run build [-- --input DIR]`: segment → Eleventy → Pagefind, in one command.
 * The site is built into a temporary folder and swapped into `_site/` only when every
 * stage succeeded, so a failed build leaves the previous site intact.
 */
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runSegment, SegmentCliError } from './lib/segment-run.ts';
import { indexSite, renderSite } from '../src/site/render.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: 'content/raw' },
    articles: { type: 'string', default: 'content/articles' },
    output: { type: 'string', default: '_site' },
  },
});

async function stage<T>(name: string, run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    const result = await run();
    console.log(`build: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(`build: ${name} failed: ${message.split('\n')[0]}`);
    process.exit(1);
  }
}

const output = resolve(values.output!);
const tmp = `${output}.tmp-${process.pid}`;
try {
  await stage('segment', async () => {
    const s = await runSegment({ input: values.input!, output: values.articles!, log: (l) => console.log(l) });
    if (s.articles === 0) throw new Error(`no articles could be built from ${values.input}`);
  });
} catch (err) {
  if (err instanceof SegmentCliError) {
    console.error(`build: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
await rm(tmp, { recursive: true, force: true });
const rendered = await stage('eleventy', () => renderSite({ articlesDir: resolve(values.articles!), rawDir: resolve(values.input!), outDir: tmp }));
const indexed = await stage('pagefind', () => indexSite(tmp));
await rm(output, { recursive: true, force: true });
await rename(tmp, output);
console.log(`build: ${rendered.pages} pages, ${indexed.pages} indexed → ${values.output}`);
