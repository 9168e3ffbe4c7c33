/**
 * The shape of the code: no module imports itself back through others (an import cycle), no
 * module under src/ imports a command-line script, and the segment worker loads the segmenter,
 * not the build that runs it. The imports are read by src/build/import-graph.ts, checked here
 * against the TypeScript compiler's own list for every file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { importGraph, importsOf } from '../src/build/import-graph.ts';
import { WORKER_URL } from '../src/build/segment-protocol.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const rel = (p: string) => relative(ROOT, p).split(sep).join('/');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs|cjs)$/u.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

const FILES = [...['src', 'scripts', 'content/pages', '_includes', '_data'].flatMap(sources), join(ROOT, '.eleventy.ts')].sort();

/** The strongly connected groups of more than one module (or a module importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)!.includes(v)) out.push(group.map(rel).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

test('the import reader finds what the TypeScript compiler finds, in every file', () => {
  assert.ok(FILES.length > 50, `${FILES.length} files`);
  const differ: string[] = [];
  for (const f of FILES) {
    const text = readFileSync(f, 'utf8');
    // a URL path (`/pagefind/pagefind.js`) is imported by the browser from a served site, not here
    const compiler = new Set(ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName).filter((s) => !s.startsWith('/')));
    const ours = new Set(importsOf(text));
    if (compiler.size !== ours.size || [...compiler].some((s) => !ours.has(s))) differ.push(`${rel(f)}: compiler ${[...compiler].join(' ')} | ours ${[...ours].join(' ')}`);
  }
  assert.deepEqual(differ, []);
});

test('the cycle finder finds a cycle', () => {
  const g = new Map([
    [join(ROOT, 'a'), [join(ROOT, 'b')]],
    [join(ROOT, 'b'), [join(ROOT, 'c')]],
    [join(ROOT, 'c'), [join(ROOT, 'a')]],
    [join(ROOT, 'd'), [join(ROOT, 'a')]],
  ]);
  assert.deepEqual(cycles(g), [['a', 'b', 'c']]);
});

test('no import cycle in src/, scripts/, the site templates and the Eleventy config; src/ never imports scripts/', async () => {
  const { modules } = await importGraph(FILES);
  assert.deepEqual(cycles(modules), []);
  const intoScripts = [...modules].flatMap(([from, to]) => (rel(from).startsWith('src/') ? to.filter((t) => rel(t).startsWith('scripts/')).map((t) => `${rel(from)} → ${rel(t)}`) : []));
  assert.deepEqual(intoScripts, []);
});

test('the segment worker loads the segmenter and the worker protocol, not the pool, the cache or the runner', async () => {
  const loaded = [...(await importGraph([fileURLToPath(WORKER_URL)])).modules.keys()].map(rel);
  for (const m of ['src/segment/index.ts', 'src/contract/markdown.ts', 'src/build/segment-protocol.ts']) assert.ok(loaded.includes(m), `the worker loads ${m}`);
  for (const m of ['src/build/segment-run.ts', 'src/build/segment-pool.ts', 'src/build/segment-cache.ts']) assert.ok(!loaded.includes(m), `the worker does not load ${m}`);
  assert.deepEqual(loaded.filter((m) => m.startsWith('src/site/') || m.startsWith('src/search/') || m.startsWith('scripts/')), []);
});
