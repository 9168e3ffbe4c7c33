/**
 * Incremental builds give the same bytes as clean builds. The sample archive is built in a
 * temporary folder (segment with the worker pool and the segment cache → site rendered with a
 * manifest → Pagefind shards); one raw file changes; the rebuild re-segments only that file and
 * re-renders only what it affects; every Markdown file, the report and every file of the site
 * must equal a clean build of the changed archive.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { RAW_DIR } from './helpers.ts';
import { buildSite, buildSiteIncremental, indexSite, renderSite, type SiteBuildOptions } from '../src/build/site-build.ts';
import { renderHeapMb, renderIncremental, settleManifest } from '../src/build/incremental.ts';

process.env.SOURCE_DATE_EPOCH = '1700000000';
process.env.BAOKU_PROGRESS = '0';

let tmp = '';
const quiet = () => {};

/** Every file of a tree with its bytes, and every folder (`name/`, no bytes): a page's folder left empty is a difference too. */
async function files(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    if (e.isDirectory()) out.set(`${relative(root, p)}/`, Buffer.alloc(0));
    else if (e.isFile()) out.set(relative(root, p), await readFile(p));
  }
  return out;
}

function assertSameTree(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string): void {
  const missing = [...expected.keys()].filter((k) => !actual.has(k));
  const extra = [...actual.keys()].filter((k) => !expected.has(k));
  const differ = [...expected.keys()].filter((k) => actual.has(k) && !actual.get(k)!.equals(expected.get(k)!));
  assert.deepEqual({ missing, extra, differ }, { missing: [], extra: [], differ: [] }, `${what}: the incremental build differs from a clean build`);
}

const build = (name: string, raw: string): SiteBuildOptions => ({
  input: raw,
  articles: join(tmp, name, 'articles'),
  site: join(tmp, name, 'site'),
  state: join(tmp, name, 'state'),
  pagesPerShard: 12,
  log: quiet,
  progress: false,
});

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-incremental-'));
});
after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * Build `raw` (after `prepare`, given the folder), change it with `edit`, rebuild; compare with a
 * clean build of the changed archive.
 */
async function scenario(name: string, edit: (raw: string) => Promise<void>, prepare?: (raw: string) => Promise<void>) {
  const raw = join(tmp, name, 'raw');
  await cp(RAW_DIR, raw, { recursive: true });
  await prepare?.(raw);
  const inc = build(`${name}/inc`, raw);
  const first = await buildSiteIncremental(inc);
  assert.equal(first.render.full, true);
  await edit(raw);
  const second = await buildSiteIncremental(inc);
  const cleanOpts = build(`${name}/clean`, raw);
  const clean = await buildSiteIncremental(cleanOpts);
  assertSameTree(await files(inc.articles), await files(cleanOpts.articles), 'Markdown');
  assertSameTree(await files(inc.site), await files(cleanOpts.site), 'site');
  return { first, second, clean };
}

test('one raw file changes: only it is segmented again, only what it touches re-rendered, output as a clean build', async () => {
  const { second, clean } = await scenario('typo', async (raw) => {
    const path = join(raw, '004_1ae44c768b257489.txt');
    const text = await readFile(path, 'utf8');
    assert.ok(text.includes('学员获益匪浅'));
    await writeFile(path, text.replace('学员获益匪浅', '学员收获匪浅'));
  });
  assert.equal(second.segment?.pool?.segmented, 1, 'one file segmented');
  assert.equal(second.segment?.pool?.cached, 4, 'four from the cache');
  assert.equal(second.render.full, false);
  assert.ok(second.render.rendered > 0 && second.render.rendered < second.render.items / 2, `re-rendered ${second.render.rendered} of ${second.render.items} pages`);
  assert.ok(second.index.reused > 0 && second.index.reused < second.index.shards, `kept ${second.index.reused} of ${second.index.shards} shards`);
  assert.equal(clean.segment?.pool?.segmented, 5);
});

test('one correction file changes: only its raw file is segmented again, only its articles\' pages (and those that show them) re-rendered, output as a clean build', async () => {
  // the corrections of <raw>/000_….txt are in <raw>/../corrections/000_….yml (runSegment's default)
  const yml = (raw: string) => join(raw, '..', 'corrections', '000_9b41f1c6617766a6.yml');
  const correction = (title: string) => `# 校对\n- article: 000-p2-03\n  set: {title: ${title}}\n`;
  const site = join(tmp, 'correction', 'inc', 'site');
  /** The inode of every article page: a page kept from the previous site is a hard link to it, a page rendered again is a new file. */
  const inodes = async () => {
    const out = new Map<string, number>();
    for (const id of await readdir(join(site, 'articles'))) {
      const s = await stat(join(site, 'articles', id, 'index.html')).catch(() => null);
      if (s) out.set(id, s.ino);
    }
    return out;
  };
  let before = new Map<string, number>();
  const { second } = await scenario(
    'correction',
    async (raw) => {
      before = await inodes();
      await writeFile(yml(raw), correction('东安县公安局便民服务获群众好评'));
    },
    async (raw) => {
      await mkdir(join(raw, '..', 'corrections'));
      await writeFile(yml(raw), correction('东安县公安局便民服务受好评'));
    },
  );
  assert.equal(second.segment?.pool?.segmented, 1, 'the corrected file alone segmented');
  assert.equal(second.segment?.pool?.cached, 4, 'the other four from the cache');
  assert.equal(second.render.full, false);
  const after = await inodes();
  const rendered = [...after].filter(([id, ino]) => before.get(id) !== ino).map(([id]) => id);
  assert.ok(rendered.includes('000-p2-03'), 'the corrected article\'s page is rendered again');
  // an article page of another file is rendered again only when it shows the corrected article (as a neighbour or related)
  for (const id of rendered.filter((x) => !x.startsWith('000-'))) {
    const page = await readFile(join(site, 'articles', id, 'index.html'), 'utf8');
    assert.ok(page.includes('/articles/000-p2-03/'), `${id} rendered again without showing 000-p2-03`);
  }
  assert.ok(rendered.length < after.size / 2, `${rendered.length} of ${after.size} article pages rendered again`);
  assert.ok(second.render.rendered < second.render.items / 2, `re-rendered ${second.render.rendered} of ${second.render.items} pages`);
  assert.match(await readFile(join(tmp, 'correction', 'inc', 'articles', '000-p2-03.md'), 'utf8'), /^title: 东安县公安局便民服务获群众好评$/mu);
});

test('a change that teaches the lexicon a new name invalidates every cached file; output as a clean build', async () => {
  const { second } = await scenario('lexicon', async (raw) => {
    const path = join(raw, '002_7d39d3f504dcdd3b.txt');
    const text = await readFile(path, 'utf8');
    await writeFile(path, `${text}\n云溪镇位于湘江之滨。云溪镇产业园区建设加快推进。\n`);
  });
  assert.equal(second.segment?.pool?.segmented, 5, 'every file segmented again');
  assert.equal(second.segment?.pool?.cached, 0);
});

test('an article removed and a file added: pages of the removed article are gone, the new ones there', async () => {
  const { second } = await scenario('add-remove', async (raw) => {
    await rm(join(raw, '001_9001b4056db087c2.txt'));
    await cp(join(RAW_DIR, '001_9001b4056db087c2.txt'), join(raw, '101_9001b4056db087c2.txt'));
  });
  assert.ok(second.render.removed > 0);
});

/** The sample built in `tmp/<name>` with the build's own defaults (one shard for the sample), as renderSite() and indexSite() have them. */
async function builtSample(name: string): Promise<{ raw: string; o: SiteBuildOptions }> {
  const raw = join(tmp, name, 'raw');
  await cp(RAW_DIR, raw, { recursive: true });
  const o: SiteBuildOptions = { ...build(`${name}/build`, raw), pagesPerShard: undefined };
  await buildSite(o);
  return { raw, o };
}

test('renderSite() and indexSite() give the site the build gives, byte for byte', async () => {
  const { raw, o } = await builtSample('wrappers');
  const plain = join(tmp, 'wrappers', 'plain');
  const rendered = await renderSite({ articlesDir: o.articles, rawDir: raw, outDir: plain });
  const indexed = await indexSite(plain);
  const built = await files(o.site);
  assert.equal(rendered.pages, [...built.keys()].filter((k) => k.endsWith('.html')).length);
  assert.ok(indexed.pages > 0);
  assertSameTree(await files(plain), built, 'renderSite + indexSite');
});

/** Runs `fn` with the environment variables `env` set, then puts them back. */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

test('rendered by two render processes in batches of 40 items, the site is byte for byte the one a single run gives', async () => {
  // the path every archive of more than 3,000 items takes: each process keeps the text of the
  // articles it renders only (render-child.ts), and renders its share in several Eleventy runs
  const { raw, o } = await builtSample('procs');
  const single = join(tmp, 'procs', 'single');
  const parallel = join(tmp, 'procs', 'parallel');
  await renderSite({ articlesDir: o.articles, rawDir: raw, outDir: single });
  await withEnv({ BAOKU_RENDER_BATCH: '40', BAOKU_RENDER_PROCS: '2' }, () => renderSite({ articlesDir: o.articles, rawDir: raw, outDir: parallel }));
  const one = await files(single);
  assert.ok([...one.keys()].filter((k) => k.startsWith('articles/')).length > 40, 'more items than a batch');
  assertSameTree(await files(parallel), one, 'two render processes');

  // render processes whose heap limit is far too small for the archive run out of memory: each
  // renders its share again with Node's own limit, says so in one line, and the site is the same
  const lines: string[] = [];
  const starved = join(tmp, 'procs', 'starved');
  await withEnv({ BAOKU_RENDER_BATCH: '40', BAOKU_RENDER_PROCS: '2', BAOKU_RENDER_HEAP_MB: '16' }, () =>
    renderIncremental({ articlesDir: o.articles, rawDir: raw, siteDir: starved, workDir: starved, log: (l) => lines.push(l) }),
  );
  assert.equal(lines.length, 2, lines.join('\n'));
  for (const l of lines) assert.match(l, /^render: a render process ran out of its 16 MB heap; its \d+ items are rendered again with Node's own limit$/u);
  assertSameTree(await files(starved), one, 'render processes out of memory, then run again');
});

test('a render process\'s heap limit grows with the archive: a quarter over the measured share of the site model', () => {
  // 83,078 articles, the bench's 10,000 files: 0.65 GB live in each render process
  assert.equal(renderHeapMb(83_078), 1580);
  assert.equal(renderHeapMb(0), 768);
  assert.ok(renderHeapMb(83_078) * 1024 * 1024 > 1.25 * 0.65e9);
});

test('settling after an interrupted build removes a half-written manifest, committed or pending, and keeps the whole one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'baoku-settle-'));
  try {
    const path = join(dir, 'site-manifest.json');
    await writeFile(path, '{}');
    // what a build killed inside writeWhole() leaves: `<path>.<pid>.tmp`, and the same of the pending manifest
    await writeFile(`${path}.4242.tmp`, '{"half');
    await writeFile(`${path}.pending.4243.tmp`, '{"half');
    const done = await settleManifest(path, join(dir, 'site'));
    assert.deepEqual(done, ['removed a half-written site manifest', 'removed a half-written site manifest']);
    assert.deepEqual((await readdir(dir)).sort(), ['site-manifest.json']);
    assert.equal(await readFile(path, 'utf8'), '{}');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
