/**
 * One stage of `npm run bench`, run by scripts/bench.ts in a child process of its own so that
 * its time and peak memory are its own:
 *
 *   node --import tsx src/bench/stage.ts <stage> '<json options>'
 *
 * Stages: segment, eleventy, pagefind (the build's stages, over a state folder:
 * src/build/site-build.ts), incremental (buildSite(), every stage, after a change), jieba-floor,
 * eleventy-floor, query. The last line on stdout is `BENCH_RESULT {…}` (src/bench/measure.ts).
 */
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Eleventy from '@11ty/eleventy';
import nodejieba from 'nodejieba';
import { reportResult } from './measure.ts';
import { measureQueries } from './query.ts';
import { decode } from '../segment/decode.ts';
import { progress } from '../build/progress.ts';
import { listRawFiles } from '../build/segment-run.ts';
import { buildSite, indexStage, renderStage, segmentStage, swapStage, type SiteBuildOptions, type StageName } from '../build/site-build.ts';

interface StageOptions extends SiteBuildOptions {
  /** eleventy-floor: scratch folder. */
  scratch?: string;
  /** query: the queries. */
  queries?: string[];
}

const [stage, json] = process.argv.slice(2);
const o = JSON.parse(json ?? '{}') as StageOptions;

async function jiebaFloor() {
  const files = await listRawFiles(o.input);
  const t0 = performance.now();
  nodejieba.cut('预热'); // loads the dictionary
  const loadS = (performance.now() - t0) / 1000;
  let cutMs = 0;
  let bytes = 0;
  let words = 0;
  const bar = progress('jieba', files.length);
  for (const f of files) {
    const raw = await readFile(f);
    bytes += raw.length;
    const text = decode(raw).text;
    const t = performance.now();
    words += nodejieba.cut(text).length;
    cutMs += performance.now() - t;
    bar.tick();
  }
  bar.done();
  return { files: files.length, bytes, words, cutS: cutMs / 1000, loadS };
}

/** Plain Eleventy on the same articles: every `<id>.md` rendered by markdown-it into a one-line layout. */
async function eleventyFloor() {
  const scratch = resolve(o.scratch!);
  const input = join(scratch, 'in');
  const out = join(scratch, 'out');
  await rm(scratch, { recursive: true, force: true });
  await mkdir(join(input, '_includes'), { recursive: true });
  const names = (await readdir(o.articles)).filter((n) => n.endsWith('.md') && !n.startsWith('_'));
  for (const n of names) await link(join(o.articles, n), join(input, n));
  await writeFile(join(input, '_includes', 'min.11ty.cjs'), 'module.exports = (d) => `<!doctype html><title>${d.title}</title>${d.content}`;\n');
  await writeFile(
    join(scratch, 'floor.config.cjs'),
    `module.exports = (cfg) => { cfg.addGlobalData('layout', 'min.11ty.cjs'); cfg.setTemplateFormats(['md']); cfg.setUseGitIgnore(false); cfg.setQuietMode(true); return { markdownTemplateEngine: false, dir: { includes: '_includes' } }; };\n`,
  );
  const t0 = performance.now();
  const elev = new Eleventy(input, out, { quietMode: true, configPath: join(scratch, 'floor.config.cjs') });
  const results = (await elev.write()) as unknown;
  const seconds = (performance.now() - t0) / 1000;
  const pages = (Array.isArray(results) ? results.flat(3) : []).filter((r: { outputPath?: unknown }) => typeof r?.outputPath === 'string').length;
  await rm(scratch, { recursive: true, force: true });
  return { articles: names.length, pages, renderS: seconds };
}

let result: Record<string, unknown>;
switch (stage) {
  case 'segment': {
    const s = await segmentStage(o);
    result = { files: s.files, built: s.built, skipped: s.skipped, articles: s.articles, warnings: s.warnings, pool: s.pool };
    break;
  }
  case 'eleventy':
    result = await renderStage(o);
    break;
  case 'pagefind':
    result = { ...(await indexStage(o)) };
    await swapStage(o);
    break;
  case 'incremental': {
    // the build's own sequence (buildSite()), each stage timed; the index's time includes the swap
    const seconds: Partial<Record<StageName, number>> = {};
    const { segment: seg, render, index } = await buildSite(o, async (name, run) => {
      const t0 = performance.now();
      try {
        return await run();
      } finally {
        seconds[name] = (performance.now() - t0) / 1000;
      }
    });
    result = {
      segment: { files: seg!.files, articles: seg!.articles, pool: seg!.pool, seconds: seconds.segment },
      render: { full: render.full, rendered: render.rendered, items: render.items, removed: render.removed, pages: render.pages, seconds: seconds.eleventy },
      index: { ...index, seconds: (seconds.pagefind ?? 0) + (seconds.swap ?? 0) },
    };
    break;
  }
  case 'jieba-floor':
    result = await jiebaFloor();
    break;
  case 'eleventy-floor':
    result = await eleventyFloor();
    break;
  case 'query':
    result = { queries: await measureQueries(o.site, o.queries ?? []) };
    break;
  default:
    console.error(`bench-stage: unknown stage ${stage}`);
    process.exit(2);
}
reportResult(result);
process.exit(0);
