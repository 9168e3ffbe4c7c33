/**
 * Builds that cannot corrupt each other (issue #14). `scripts/build.ts` runs in child processes,
 * each the leader of a process group of its own (its render processes and Pagefind services in
 * it), on two raw files of the sample in a temporary folder. The input switches between A and B
 * (one phrase of one file changed); a clean build of each is the reference, byte for byte.
 *
 *  - two builds started together: one refuses with `another build is running (pid …, started
 *    HH:MM)` and exit 2, or waits with --wait; every site built equals a clean build;
 *  - a build killed (SIGKILL to its process group) at each stage boundary, stopped there by the
 *    test-only BAOKU_TEST_PAUSE_AT (src/build/test-pause.ts): the site is the previous one or the
 *    new one, and the next build clears the leftovers and equals a clean build, with nothing left;
 *  - the same killed at seeded random moments, 20 times.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateFolderPath } from '../src/build/state-folder.ts';
import { prng } from '../src/util/prng.ts';
import { RAW_DIR, siblings, snapshot } from './helpers.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = import.meta.resolve('tsx');
/** One segment worker: the builds of these tests are small, and the machine has two cores. */
const ENV: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', BAOKU_PROGRESS: '0', BAOKU_WORKERS: '1' };
delete ENV.BAOKU_TEST_PAUSE_AT;

const FILES = ['002_7d39d3f504dcdd3b.txt', '004_1ae44c768b257489.txt'];
const CHANGED = FILES[1];
const [BEFORE, AFTER] = ['学员获益匪浅', '学员收获匪浅'];

let tmp = '';
let raw = '';
const live = { articles: '', site: '' };
const texts = { A: '', B: '' };
const clean: Record<'A' | 'B', { site: Map<string, string>; articles: Map<string, string> }> = {} as never;
/** What the live site was last built from. */
let current: 'A' | 'B' = 'A';

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  /** When each stage's `build: <stage> done` line came (ms after the start). */
  stages: Map<string, number>;
  /** Exit code, or the signal that ended it. */
  done: Promise<number | string>;
}

function start(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'scripts', 'build.ts'), ...args], {
    cwd: tmp,
    env: { ...ENV, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const t0 = performance.now();
  const run: Run = { child, stdout: '', stderr: '', stages: new Map(), done: Promise.resolve(0) };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    run.stdout += d;
    for (const m of d.matchAll(/^build: (\w+) done in /gmu)) run.stages.set(m[1], performance.now() - t0);
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (run.stderr += d));
  run.done = new Promise((ok) => child.on('close', (code, signal) => ok(code ?? signal ?? -1)));
  return run;
}

const liveArgs = (extra: string[] = []) => ['--input', raw, '--articles', live.articles, '--output', live.site, ...extra];
const build = async (extra: string[] = [], env: NodeJS.ProcessEnv = {}) => {
  const r = start(liveArgs(extra), env);
  await r.done;
  return r;
};

/** SIGKILL to the run's whole process group; resolves once it is gone. */
async function killGroup(r: Run): Promise<void> {
  try {
    process.kill(-r.child.pid!, 'SIGKILL');
  } catch {
    /* ended already */
  }
  await r.done;
  // nothing of the group is left running (a render process or Pagefind service writing on)
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(-r.child.pid!, 0);
    } catch {
      return;
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`process group ${r.child.pid} still running after SIGKILL`);
}

/** Resolves when the run prints `text` (on stdout or stderr); fails if it ends first. */
async function until(r: Run, text: string): Promise<void> {
  let ended = false;
  void r.done.then(() => (ended = true));
  for (let t = 0; t < 1200; t++) {
    if (r.stderr.includes(text) || r.stdout.includes(text)) return;
    if (ended) assert.fail(`the build ended without printing ${JSON.stringify(text)}: ${r.stderr}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`no ${JSON.stringify(text)} within 120 s`);
}

const useInput = async (which: 'A' | 'B') => writeFile(join(raw, CHANGED), texts[which]);

/** Everything the live build keeps beside its folders and in its state that no finished build leaves. */
async function leftovers(): Promise<string[]> {
  const out = [...(await siblings(live.site)), ...(await siblings(live.articles))];
  const state = stateFolderPath('site', live.site, ROOT);
  for (const e of await readdir(state, { recursive: true, withFileTypes: true })) {
    const rel = join(e.parentPath, e.name).slice(state.length + 1);
    // what a finished build keeps: the manifest, the segment cache, the related lists' state and
    // the search records (src/site/related.ts, src/build/records-store.ts)
    if (['for.txt', 'site-manifest.json', 'segment', 'segment/lexicon.json', 'related.json', 'search-records', 'search-records/index.json'].includes(rel)) continue;
    if (/^segment\/[0-9a-f]{2}(\/[0-9a-f]+\.json)?$/u.test(rel) || /^search-records\/[0-9a-f]{40}\.json$/u.test(rel)) continue;
    out.push(`state: ${rel}`);
  }
  if (existsSync(`${state}.lock`)) out.push('state lock');
  return out;
}

/** The live site and articles equal a clean build of `which`, and nothing is left behind. */
async function assertClean(which: 'A' | 'B', what: string): Promise<void> {
  assert.ok(equal(await snapshot(live.site), clean[which].site), `${what}: the site differs from a clean build of ${which}`);
  assert.ok(equal(await snapshot(live.articles), clean[which].articles), `${what}: the articles differ from a clean build of ${which}`);
  assert.deepEqual(await leftovers(), [], `${what}: leftovers`);
}

const equal = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * After a kill during a build from `from` to `to`: the site is one of the two clean builds; a
 * run killed between the two renames of the swap left no site but the previous one beside it,
 * which the next build puts back.
 */
async function assertSiteIsOneOf(from: 'A' | 'B', to: 'A' | 'B', what: string): Promise<'previous' | 'new' | 'aside'> {
  if (!existsSync(live.site)) {
    const aside = (await siblings(live.site)).filter((n) => /^site\.old-\d+$/u.test(n));
    assert.equal(aside.length, 1, `${what}: no site, and ${aside.length} folders moved aside`);
    assert.ok(equal(await snapshot(join(live.site, '..', aside[0])), clean[from].site), `${what}: the site moved aside is not the previous one`);
    return 'aside';
  }
  const s = await snapshot(live.site);
  if (equal(s, clean[from].site)) return 'previous';
  assert.ok(equal(s, clean[to].site), `${what}: the site is neither the previous nor the new clean build`);
  return 'new';
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'baoku-build-safety-'));
  raw = join(tmp, 'raw');
  await mkdir(raw);
  for (const f of FILES) await cp(join(RAW_DIR, f), join(raw, f));
  texts.A = await readFile(join(raw, CHANGED), 'utf8');
  assert.ok(texts.A.includes(BEFORE));
  texts.B = texts.A.replace(BEFORE, AFTER);
  // the references: a clean build of each input, in folders of its own
  for (const which of ['A', 'B'] as const) {
    await useInput(which);
    const r = start(['--input', raw, '--articles', join(tmp, `clean-${which}`, 'articles'), '--output', join(tmp, `clean-${which}`, 'site')]);
    assert.equal(await r.done, 0, r.stderr);
    clean[which] = { site: await snapshot(join(tmp, `clean-${which}`, 'site')), articles: await snapshot(join(tmp, `clean-${which}`, 'articles')) };
    await rm(join(tmp, `clean-${which}`), { recursive: true, force: true });
  }
  assert.ok(!equal(clean.A.site, clean.B.site), 'the two inputs give different sites');
  live.articles = join(tmp, 'live', 'articles');
  live.site = join(tmp, 'live', 'site');
  await useInput('A');
  const first = await build();
  assert.equal(first.child.exitCode, 0, first.stderr);
  current = 'A';
});

after(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('two builds started together: one refuses with exit 2 and who holds the folders, or with --wait both build; every site equals a clean build', async () => {
  await useInput('B');
  const [one, two] = [start(liveArgs()), start(liveArgs())];
  const codes = [await one.done, await two.done];
  assert.deepEqual([...codes].sort(), [0, 2], `exit codes ${codes}: ${one.stderr}${two.stderr}`);
  const [winner, loser] = codes[0] === 0 ? [one, two] : [two, one];
  const refusal = loser.stderr.trim().split('\n');
  assert.equal(refusal.length, 1, loser.stderr);
  assert.match(refusal[0], new RegExp(`^build: another build is running \\(pid ${winner.child.pid}, started \\d\\d:\\d\\d\\): it holds live/(site|articles); --wait queues this build behind it$`, 'u'));
  await assertClean('B', 'the build that ran');

  await useInput('A');
  const [three, four] = [start(liveArgs(['--wait'])), start(liveArgs(['--wait']))];
  assert.deepEqual([await three.done, await four.done], [0, 0], three.stderr + four.stderr);
  assert.equal([three, four].filter((r) => /^build: waiting: another build is running \(pid \d+, started \d\d:\d\d\)/mu.test(r.stdout)).length, 1, three.stdout + four.stdout);
  await assertClean('A', 'two builds with --wait');
  current = 'A';
});

test('a waiting build takes over from a build killed while it waits, and clears what that one left', async () => {
  await useInput('B');
  const held = start(liveArgs(), { BAOKU_TEST_PAUSE_AT: 'pagefind' });
  await until(held, 'test-pause: pagefind');
  const waiting = start(liveArgs(['--wait']));
  await until(waiting, `build: waiting: another build is running (pid ${held.child.pid}`);
  await killGroup(held);
  assert.equal(await waiting.done, 0, waiting.stderr);
  assert.match(waiting.stdout, /^build: cleared what an interrupted build left: .*removed live\/site\.next/mu);
  await assertClean('B', 'after the takeover');
  current = 'B';
});

const POINTS = ['segment-swap', 'segment-swap-renamed', 'segment-swap-done', 'eleventy', 'pagefind', 'swap', 'swap-renamed', 'swap-done'];

test('a build killed at each stage boundary leaves the previous or the new site; the next build equals a clean one, with nothing left behind', async () => {
  for (const point of POINTS) {
    const from = current;
    const to = from === 'A' ? 'B' : 'A';
    await useInput(to);
    const r = start(liveArgs(), { BAOKU_TEST_PAUSE_AT: point });
    await until(r, `test-pause: ${point}`);
    await killGroup(r);
    const found = await assertSiteIsOneOf(from, to, point);
    // the swap publishes the site: before it the previous one, from its second rename on the new one
    assert.equal(found, point === 'swap-done' ? 'new' : point === 'swap-renamed' ? 'aside' : 'previous', point);
    if (point === 'segment-swap-renamed') assert.ok(!existsSync(live.articles), 'killed between the renames: no articles folder');
    const next = await build();
    assert.equal(next.child.exitCode, 0, `${point}: ${next.stderr}`);
    assert.match(next.stdout, /^build: cleared what an interrupted build left: /mu, point);
    await assertClean(to, `killed at ${point}, then built`);
    current = to;
  }
});

/** Resolves when the run has taken its lock (its lock file is there) or has ended. */
async function locked(r: Run): Promise<void> {
  while (r.child.exitCode === null && r.child.signalCode === null && !existsSync(`${live.site}.lock`)) await new Promise((ok) => setTimeout(ok, 5));
}

/** Resolves when the run has printed `build: <stage> done` or has ended. */
async function stageDone(r: Run, stage: string): Promise<void> {
  while (r.child.exitCode === null && r.child.signalCode === null && !r.stages.has(stage)) await new Promise((ok) => setTimeout(ok, 5));
}

test('20 builds killed at seeded random moments: each leaves the previous or the new site, and the next build equals a clean one', async (t) => {
  // How long the three parts of a build from one input to the other take here (segment;
  // Eleventy; Pagefind and the swap). A kill falls in a random part, at a random moment of it
  // counted from the part's start as the run itself shows it (its lock file, its `done` lines),
  // so that the kills are spread over every stage whatever the machine's load, not most of them
  // in the segmenter, the longest part.
  const from0 = current;
  await useInput(from0 === 'A' ? 'B' : 'A');
  const t0 = performance.now();
  const timed = start(liveArgs());
  await locked(timed);
  const lockedAt = performance.now() - t0;
  assert.equal(await timed.done, 0, timed.stderr);
  const end = performance.now() - t0;
  current = from0 === 'A' ? 'B' : 'A';
  const bounds = [lockedAt, timed.stages.get('segment'), timed.stages.get('eleventy'), end];
  assert.ok(bounds.every((b, i) => b !== undefined && (i === 0 || b >= bounds[i - 1]!)), `stage times ${bounds}`);
  const parts = [0, 1, 2].map((i) => bounds[i + 1]! - bounds[i]!);

  const next = prng(14);
  const seen = new Map<string, number>();
  for (let trial = 0; trial < 20; trial++) {
    const from = current;
    const to = from === 'A' ? 'B' : 'A';
    await useInput(to);
    const part = Math.floor(next() * 3);
    const delay = next() * parts[part];
    const r = start(liveArgs());
    await (part === 0 ? locked(r) : stageDone(r, part === 1 ? 'segment' : 'eleventy'));
    const finished = await Promise.race([r.done.then(() => true), new Promise((ok) => setTimeout(ok, delay)).then(() => false)]);
    if (!finished) await killGroup(r);
    // where it was: the last stage it finished
    const stage = finished ? 'finished' : ([...r.stdout.matchAll(/^build: (\w+) done in /gmu)].pop()?.[1] ?? 'started');
    const what = `trial ${trial}, killed ${delay.toFixed(0)} ms into part ${part}`;
    const found = await assertSiteIsOneOf(from, to, what);
    seen.set(`${stage} → ${found}`, (seen.get(`${stage} → ${found}`) ?? 0) + 1);
    const again = await build();
    assert.equal(again.child.exitCode, 0, `${what}: ${again.stderr}`);
    await assertClean(to, what);
    current = to;
  }
  t.diagnostic(`parts of a build: ${parts.map((p) => (p / 1000).toFixed(1)).join(' s, ')} s; the last stage done when killed → the site found: ${[...seen].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
});
