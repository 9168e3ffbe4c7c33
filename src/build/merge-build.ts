/**
 * `npm run build -- --merge DIR…`: one site from the part folders of an archive built as N parts
 * (issue #18; src/build/parts.ts). It is the build's own sequence (buildSite(), site-build.ts)
 * with two steps in other hands (MergeSteps):
 *
 *  - assemble, in place of segmenting: the parts' Markdown is copied into one articles folder
 *    with one `_report.json` (files in input order), and their raw files linked into one raw
 *    folder (in the build's state folder, for the raw views; removed after the build);
 *  - the site is then rendered from those by the one renderer, incrementally as any build: every
 *    page, article pages included, since an article page lists related articles and neighbours
 *    from the whole archive;
 *  - index, in place of Pagefind: nothing is indexed again. Each part's shards are linked into
 *    `/pagefind/part-K/…` and listed in `/search/config.json`, which the search page merges at
 *    search time (assets/search/bundles.js). A part's shards are used only if they hold exactly
 *    the search records the merged site has for its files (same hash, shards.ts planShards()).
 *
 * So the merged site is a build of the whole input, page for page; only the Pagefind bundles
 * are cut by part rather than by size (tests/parts.test.ts).
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { printable } from './messages.ts';
import { compareInputOrder, partLabel, PartsError, type PartFolder } from './parts.ts';
import { prepareSibling, swapFolder } from './segment-run.ts';
import { readRecordsList, removeRecords } from './records-store.ts';
import { planShards, SHARDS_PATH, writeShardList, type ShardInfo, type ShardsFile } from './shards.ts';
import { BuildError, type MergeSteps } from './site-build.ts';

/** The folder under `/pagefind/` that holds part k's shards. */
export const partBundleDir = (k: number, n: number) => `part-${String(k).padStart(String(n).length, '0')}`;

/**
 * Every file under `from` made a hard link under `to` (a copy across file systems). For the raw
 * folder and the shards: neither is ever written in place afterwards (builds write new files and
 * rename them), so a link shares nothing that could change under the part.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const e of await readdir(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dest = join(to, e.name);
    if (e.isDirectory()) await linkTree(src, dest);
    else if (e.isFile()) {
      await link(src, dest).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EXDEV' && err.code !== 'EPERM') throw err;
        await copyFile(src, dest);
      });
    }
  }
}

interface ReportEntry {
  file: string;
}

/** The report entries of one part's `_report.json`. */
async function partReport(p: PartFolder): Promise<ReportEntry[]> {
  try {
    const r = JSON.parse(await readFile(join(p.dir, 'articles', '_report.json'), 'utf8')) as { files?: unknown };
    if (!Array.isArray(r.files) || !r.files.every((f) => typeof (f as ReportEntry)?.file === 'string')) throw new Error('no files list');
    return r.files as ReportEntry[];
  } catch (err) {
    throw new PartsError(`${partLabel(p)} has no readable articles/_report.json (${(err as Error).message.split('\n')[0]}): build the part again`);
  }
}

export interface MergeOptions {
  /** The merged articles folder (replaced whole, as the segmenter replaces it). */
  articles: string;
  /** The merged raw folder (the build's `input`): made afresh, the caller removes it after the build. */
  raw: string;
}

/** The MergeSteps of buildSite() for these parts (read and checked by readParts()). */
export function mergeSteps(parts: PartFolder[], o: MergeOptions): MergeSteps {
  return {
    async assemble() {
      const articles = resolve(o.articles);
      const tmp = `${articles}.tmp-${process.pid}`;
      await prepareSibling(articles, tmp);
      const from = new Map<string, PartFolder>();
      try {
        const reports: ReportEntry[] = [];
        for (const p of parts) {
          reports.push(...(await partReport(p)));
          for (const name of (await readdir(join(p.dir, 'articles'))).sort()) {
            if (!name.endsWith('.md')) continue;
            const other = from.get(name);
            if (other) throw new PartsError(`article ${printable(name.slice(0, -3))} is in ${partLabel(other)} and in ${partLabel(p)}: two raw files give the same article id (rename one)`);
            from.set(name, p);
            // a copy (cloned where the file system can): an article edited here must not change the part's
            await copyFile(join(p.dir, 'articles', name), join(tmp, name), constants.COPYFILE_FICLONE);
          }
        }
        if (from.size === 0) throw new BuildError(`no articles in the ${parts.length} parts (see their warnings): nothing to build a site of`, 1);
        reports.sort((a, b) => compareInputOrder(a.file, b.file));
        // as the segmenter writes it, so that the merged folder is a whole build's byte for byte
        await writeFile(join(tmp, '_report.json'), `${JSON.stringify({ files: reports }, null, 2)}\n`);
        await swapFolder(tmp, articles, 'segment-swap');
      } finally {
        await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      }
      const raw = resolve(o.raw);
      await rm(raw, { recursive: true, force: true });
      await mkdir(raw, { recursive: true });
      for (const p of parts) await linkTree(join(p.dir, 'raw'), raw).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      return { parts: parts.length, articles: from.size };
    },

    async index(work) {
      const records = await readRecordsList(work);
      const { language } = records;
      const byFile = new Map(records.files.map((f) => [f.file, f]));
      const listed: ShardInfo[] = [];
      const placed = new Set<string>();
      let pagesPerShard = 0;
      // the previous site's shards (linked into `work`) go: the parts' are the index now
      await rm(join(work, 'pagefind'), { recursive: true, force: true });
      for (const p of parts) {
        let list: ShardsFile;
        try {
          list = JSON.parse(await readFile(join(p.dir, SHARDS_PATH), 'utf8')) as ShardsFile;
        } catch {
          throw new PartsError(`${partLabel(p)} has no readable ${SHARDS_PATH}: build the part again`);
        }
        const files = new Set(p.manifest.files);
        const own = new Map([...byFile].filter(([file]) => files.has(file)));
        for (const file of own.keys()) placed.add(file);
        // the shards the part would cut from the merged site's records of its files: the same
        // hashes mean its index holds exactly what this site shows of its articles
        const { shards } = await planShards(own, language, list.pagesPerShard);
        const same = list.language === language && list.shards.length === shards.length && shards.every((s, i) => s.bundle === list.shards[i].bundle && s.hash === list.shards[i].hash);
        if (!same) throw new PartsError(`the search index of ${partLabel(p)} does not hold the search records of its articles as merged (built by another version of Baoku or Pagefind?): build the part again`);
        const dir = partBundleDir(p.manifest.part, p.manifest.of);
        for (const s of list.shards) {
          const name = s.bundle.replace(/^\/pagefind\//u, '');
          await linkTree(join(p.dir, 'pagefind', name), join(work, 'pagefind', dir, name));
          listed.push({ ...s, bundle: `/pagefind/${dir}/${name}` });
        }
        pagesPerShard = Math.max(pagesPerShard, list.pagesPerShard);
      }
      const stray = [...byFile.keys()].filter((f) => !placed.has(f));
      if (stray.length) throw new PartsError(`articles of ${printable(stray[0])} are in no part's file list: build the parts again`);
      await mkdir(dirname(join(work, SHARDS_PATH)), { recursive: true });
      await writeShardList(work, { version: 1, pagesPerShard, language, shards: listed });
      await removeRecords(work, records);
      const pages = listed.reduce((n, s) => n + s.pages, 0);
      // every shard was indexed by its part, none here
      return { pages, shards: listed.length, reused: listed.length };
    },
  };
}
