/**
 * A child process of a parallel site render (src/build/incremental.ts renderItems()): loads the
 * archive once and keeps the text of the articles it renders only, then renders its batches of
 * items one Eleventy run at a time (memory bounded by a batch, not the archive), the site-wide
 * pages left out. Prints `pages <n>` as pages are
 * written (progress) and writes what it wrote to the result file.
 *
 *   node --import tsx src/build/render-child.ts <job.json>
 */
import { readFile, writeFile } from 'node:fs/promises';
import { renderWith } from './render.ts';
import { loadArchive } from '../site/archive.ts';
import { readRelatedState } from './related-state.ts';

interface Job {
  articlesDir: string;
  rawDir: string;
  /** The related lists as the main process found them (src/site/related.ts): none is ranked again. */
  relatedPath?: string;
  outDir: string;
  batches: string[][];
  skipTemplates: string[];
  resultPath: string;
}

const job = JSON.parse(await readFile(process.argv[2], 'utf8')) as Job;
const archive = await loadArchive({ articlesDir: job.articlesDir, rawDir: job.rawDir, relatedFrom: job.relatedPath ? await readRelatedState(job.relatedPath) : undefined });
// the model slice this process needs: the bodies and front matter of the articles it renders
// only (the site-wide pages, which list every article's front matter, are rendered elsewhere)
const mine = new Set(job.batches.flat());
for (const a of archive.articles) if (!mine.has(a.url)) a.releaseText();
let pages = 0;
let reported = 0;
const written: { url: string; outputPath: string }[] = [];
for (const batch of job.batches) {
  const w = await renderWith(
    {
      articlesDir: job.articlesDir,
      rawDir: job.rawDir,
      archive,
      only: new Set(batch),
      skipTemplates: job.skipTemplates,
      onPage: () => {
        pages++;
        if (pages - reported >= 50) {
          process.stdout.write(`pages ${pages - reported}\n`);
          reported = pages;
        }
      },
    },
    job.outDir,
  );
  written.push(...w);
}
process.stdout.write(`pages ${pages - reported}\n`);
await writeFile(job.resultPath, JSON.stringify(written));
process.exit(0);
