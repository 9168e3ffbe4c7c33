/**
 * `npm run build -- --part K/N`: one part of an archive built apart, as one job of an array job
 * (issue #18; src/build/parts.ts says what a part folder holds). The part's raw files are
 * segmented (every file of the input is read for the lexicon, so that the Markdown is a whole
 * build's: segment-run.ts), copied beside their Markdown, and its articles' search records are
 * indexed into Pagefind shards. No site is rendered here: an article page lists related articles
 * and neighbours from the whole archive, which only the merge sees (src/build/merge-build.ts).
 *
 * The part folder is assembled in `<part>.next` and swapped in whole, `part.json` written last,
 * so a killed part build leaves the previous part folder or none, never half of one. A rebuilt
 * part keeps the segment cache (`.cache/site/<hash of the part folder>/segment/`) and the shards
 * whose records did not change.
 */
import { constants, existsSync } from 'node:fs';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import site from '../../_data/site.ts';
import { loadArchive } from '../site/archive.ts';
import { recordsStoreOf, siteSourceHash, writeSearchRecords } from './incremental.ts';
import { linkCopy } from './kept-folder.ts';
import { PART_FILE, partManifest, type PartManifest, type PartSpec } from './parts.ts';
import { swapFolder, type SegmentSummary } from './segment-run.ts';
import { PAGES_PER_SHARD, SHARDS_PATH, writeShardList, type IndexShardsResult } from './shards.ts';
import { indexStage, segmentStage, workDirOf, type SiteBuildOptions, type StageRunner } from './site-build.ts';

export interface PartBuildOptions extends Omit<SiteBuildOptions, 'articles' | 'merge' | 'part' | 'site'> {
  part: PartSpec;
  /** The part folder, replaced whole. */
  output: string;
}

export interface PartBuildResult {
  segment: SegmentSummary;
  index: IndexShardsResult;
  manifest: PartManifest;
}

/** The part's articles, inside the part folder being assembled. */
export const partArticlesOf = (output: string) => join(workDirOf({ site: output }), 'articles');

/**
 * A copy of each of the part's raw files under `to`, at its path under the input: the merge
 * renders each raw file's text view (and a PDF's pages) from it. A copy, not a link: a raw file
 * edited in place later must not change what the part says it segmented. Cloned where the file
 * system can (no data copied).
 */
async function copyRaw(input: string, names: readonly string[], to: string): Promise<void> {
  for (const name of names) {
    const dest = join(to, name);
    await mkdir(dirname(dest), { recursive: true });
    try {
      await copyFile(join(input, name), dest, constants.COPYFILE_FICLONE);
    } catch (err) {
      // gone since it was listed: its report says it could not be read, as a whole build's would
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/**
 * Build part `o.part` of the input into the folder `o.output` (see the top of this file), each
 * stage through `runStage` (build-run.ts logs them and turns failures into exit codes). The
 * caller holds the locks (claimFolders() on the part folder, its state and segment cache).
 */
export async function buildPart(o: PartBuildOptions, runStage: StageRunner): Promise<PartBuildResult> {
  const output = resolve(o.output);
  const work = workDirOf({ site: output });
  const s: SiteBuildOptions = { ...o, site: output, articles: partArticlesOf(output), part: o.part };
  try {
    const segment = await runStage('segment', async () => {
      const r = await segmentStage(s);
      await copyRaw(resolve(o.input), r.part!.files, join(work, 'raw'));
      return r;
    });
    const index = await runStage('pagefind', async () => {
      if (segment.articles === 0) {
        // a part may hold no article (few files, many parts): it is still a part, with no shard
        await writeShardList(work, { version: 1, pagesPerShard: o.pagesPerShard ?? PAGES_PER_SHARD, language: site.lang.toLowerCase(), shards: [] });
        await rm(join(work, 'search'), { recursive: true, force: true });
        return { pages: 0, shards: 0, reused: 0 };
      }
      // the previous part's shards, as links: those whose records are unchanged are kept
      if (existsSync(join(output, SHARDS_PATH))) await linkCopy(join(output, 'pagefind'), join(work, 'pagefind'));
      // the records of the part's articles: a record shows its article and its file only
      // (src/search/records.ts), so the part's are the whole site's; the merge checks they are
      const archive = await loadArchive({ articlesDir: s.articles, rawDir: join(work, 'raw') });
      await writeSearchRecords(archive, work, { store: recordsStoreOf(join(resolve(o.state), 'site-manifest.json')), salt: await siteSourceHash() });
      const r = await indexStage(s);
      // the merged site writes its own /search/config.json, naming every part's shards
      await rm(join(work, 'search'), { recursive: true, force: true });
      return r;
    });
    const info = segment.part!;
    const manifest = partManifest(o.part, info.input, info.inputFiles, info.files, segment.articles);
    await writeFile(join(work, PART_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    await runStage('swap', () => swapFolder(work, output, 'swap'));
    return { segment, index, manifest };
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
