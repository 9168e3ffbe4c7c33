/**
 * Segmenting an archive on every core: a pool of worker threads (segment-worker.ts), each with
 * its own nodejieba taught the archive's lexicon once, fed by the main thread, which does all
 * the I/O (reading raw files, the segment cache). Results come back in input order, so the
 * caller writes the same output, byte for byte, as a single-threaded run.
 *
 *   const seg = segmentInOrder(jobs, { lexicon, cache });
 *   for (i …) { const r = await seg.take(i); … }   // i increasing; null jobs are never taken
 *   await seg.close();
 *
 * At most `lookahead` files are read or in flight ahead of the consumer, so memory is bounded
 * by a few files, not by the archive.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { UndecodableError } from '../segment/index.ts';
import type { IssueFacts } from '../issues/facts.ts';
import type { SegmentCache } from './segment-cache.ts';
import { WORKER_URL, type FileCorrections, type LexiconMessage, type ReadyMessage, type SegmentedFile, type StopMessage, type WorkerInit, type WorkerJob, type WorkerReply } from './segment-protocol.ts';

export interface SegmentJob {
  /** The file's name relative to the input folder (`source.file`, the report's `file`). */
  name: string;
  /** Where to read it. */
  path: string;
  /** The key used in article ids. */
  key: string;
  /** The file's issue facts from the manifest (default {}: none). */
  issue?: IssueFacts;
  /** The file's corrections, when it has a correction file. */
  corrections?: FileCorrections;
}

export interface SegmentOutcome extends SegmentedFile {
  /** True when taken from the segment cache. */
  cached: boolean;
}

export interface SegmentPoolOptions {
  lexicon: string[];
  /**
   * Workers started ahead (startWarmWorkers()), their dictionaries loading while the caller
   * learnt the lexicon: taken before any new one is spawned; those not needed are stopped.
   */
  warm?: Worker[];
  /** Worker threads (default: every core, at most one per file to segment; BAOKU_WORKERS overrides). */
  workers?: number;
  /** Segment cache; null or undefined: segment every file. */
  cache?: SegmentCache | null;
  /** Files read ahead of the consumer (default 4 per worker, at least 8). */
  lookahead?: number;
}

export interface SegmentPoolStats {
  workers: number;
  segmented: number;
  cached: number;
  /** Wall time spent by workers on files (sum over workers), ms. */
  busyMs: number;
}

interface Deferred {
  promise: Promise<SegmentOutcome>;
  resolve(v: SegmentOutcome): void;
  reject(e: unknown): void;
}

function deferred(): Deferred {
  let resolve!: (v: SegmentOutcome) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<SegmentOutcome>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // a result nobody takes (the run ended early) must not crash the process
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

interface PoolWorker {
  worker: Worker;
  job: { seq: number; started: number } | null;
}

/**
 * Worker threads do not inherit the tsx loader of the main thread: a small bootstrap registers
 * it in the worker, then imports the TypeScript worker module.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi)
  .then((api) => { api.register(); return import(workerData.workerUrl); })
  .catch((err) => { setImmediate(() => { throw err; }); });
`;

const exits = new WeakMap<Worker, Promise<void>>();

export function startWorker(url: URL, data: WorkerInit): Worker {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { ...data, tsxApi: import.meta.resolve('tsx/esm/api'), workerUrl: url.href },
  });
  exits.set(worker, new Promise((resolve) => worker.once('exit', () => resolve())));
  return worker;
}

/**
 * How long a worker asked to stop may take to finish its file before it is terminated from
 * outside: a file takes seconds and loading the dictionaries one or two, so only a worker that
 * hangs ever reaches it.
 */
const STOP_GRACE_MS = 60_000;

/**
 * Stops a worker the safe way (StopMessage): it exits between two jobs, never torn down inside
 * nodejieba. Resolves once the thread has exited; the process is kept alive until then, since
 * a process that exits with a worker still running terminates it from outside.
 */
export async function stopWorker(worker: Worker): Promise<void> {
  const exited = exits.get(worker)!;
  worker.ref();
  worker.postMessage({ stop: true } satisfies StopMessage);
  const timer = setTimeout(() => void worker.terminate().catch(() => undefined), STOP_GRACE_MS);
  timer.unref();
  await exited;
  clearTimeout(timer);
}

/**
 * Starts n segment workers without a lexicon: each loads nodejieba's dictionaries at once and
 * waits for segmentInOrder() (option `warm`) to send it the lexicon. Loading takes a second or
 * two per worker, time the main thread spends reading the archive for the lexicon.
 */
const stopped = new WeakSet<Worker>();

export function startWarmWorkers(n: number): Worker[] {
  return Array.from({ length: n }, () => {
    const worker = startWorker(WORKER_URL, { lexicon: null });
    worker.unref();
    // until segmentInOrder() takes it: a worker that failed is passed over for a fresh one
    worker.on('error', () => undefined);
    worker.once('exit', () => stopped.add(worker));
    return worker;
  });
}

/** Worker threads to use by default: BAOKU_WORKERS, else every core. */
export function defaultWorkers(): number {
  const env = Number(process.env.BAOKU_WORKERS);
  return Number.isInteger(env) && env > 0 ? env : Math.max(1, availableParallelism());
}

export function segmentInOrder(jobs: (SegmentJob | null)[], opts: SegmentPoolOptions) {
  const todo = jobs.filter((j) => j !== null).length;
  const maxWorkers = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), todo || 1));
  const lookahead = Math.max(opts.lookahead ?? 4 * maxWorkers, 8);
  const results = new Map<number, Deferred>();
  const stats: SegmentPoolStats = { workers: 0, segmented: 0, cached: 0, busyMs: 0 };
  const queue: { seq: number; job: SegmentJob; bytes: Buffer; cacheKey: string | null; d: Deferred }[] = [];
  const pool: PoolWorker[] = [];
  const isReady = new Set<PoolWorker>();
  const pending = new Map<number, (typeof queue)[number]>();
  const writes = new Set<Promise<void>>();
  let next = 0; // the next job index to start
  let inFlight = 0; // started, not yet taken
  let closed = false;
  let startFailures = 0;
  let broken: Error | null = null;

  const warm = (opts.warm ?? []).filter((w) => !stopped.has(w));
  for (const w of warm.splice(maxWorkers)) void stopWorker(w);
  const spawn = (): PoolWorker => {
    let taken = warm.shift();
    while (taken && stopped.has(taken)) taken = warm.shift();
    const worker = taken ?? startWorker(WORKER_URL, { lexicon: opts.lexicon });
    if (taken) taken.postMessage({ lexicon: opts.lexicon } satisfies LexiconMessage);
    worker.unref();
    const pw: PoolWorker = { worker, job: null };
    worker.on('message', (msg: WorkerReply | ReadyMessage) => {
      if ('ready' in msg) {
        isReady.add(pw);
        dispatch();
        return;
      }
      const waiting = pending.get(msg.seq);
      pending.delete(msg.seq);
      if (pw.job) stats.busyMs += performance.now() - pw.job.started;
      pw.job = null;
      if (waiting) {
        if (msg.ok) {
          stats.segmented++;
          const outcome: SegmentOutcome = { articles: msg.articles, report: msg.report, ...(msg.corrections ? { corrections: msg.corrections } : {}), cached: false };
          if (opts.cache && waiting.cacheKey) {
            const w = opts.cache.put(waiting.cacheKey, outcome).catch(() => undefined);
            writes.add(w);
            void w.finally(() => writes.delete(w));
          }
          waiting.d.resolve(outcome);
        } else {
          const err = msg.undecodable ? new UndecodableError(msg.message) : new Error(msg.message);
          if (msg.stack) err.stack = msg.stack;
          waiting.d.reject(err);
        }
      }
      dispatch();
    });
    const fail = (why: string) => {
      const i = pool.indexOf(pw);
      if (i < 0) return;
      pool.splice(i, 1);
      // a worker that cannot even start would be restarted forever: give up after three
      if (!isReady.has(pw) && ++startFailures >= 3 && !closed) {
        broken = new Error(`the segmenter workers cannot start: ${why}`);
        for (const item of queue.splice(0)) item.d.reject(broken);
      }
      isReady.delete(pw);
      if (pw.job) {
        const waiting = pending.get(pw.job.seq);
        pending.delete(pw.job.seq);
        waiting?.d.reject(new Error(`the segmenter worker stopped: ${why}`));
      }
      pw.job = null;
      if (!closed) dispatch();
    };
    worker.on('error', (err) => fail(err.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    pool.push(pw);
    stats.workers = Math.max(stats.workers, pool.length);
    return pw;
  };

  function dispatch(): void {
    if (closed) return;
    while (queue.length) {
      const free = pool.find((p) => p.job === null && isReady.has(p));
      if (!free) {
        if (pool.length < maxWorkers) spawn();
        return;
      }
      const item = queue.shift()!;
      pending.set(item.seq, item);
      free.job = { seq: item.seq, started: performance.now() };
      // a copy into a buffer of its own, transferred (not cloned) to the worker
      const own = item.bytes.byteOffset === 0 && item.bytes.buffer.byteLength === item.bytes.byteLength ? item.bytes : Buffer.from(item.bytes);
      const ab = own.buffer as ArrayBuffer;
      const job: WorkerJob = { seq: item.seq, name: item.job.name, key: item.job.key, issue: item.job.issue ?? {}, corrections: item.job.corrections, buffer: ab, byteOffset: own.byteOffset, byteLength: own.byteLength };
      free.worker.postMessage(job, [ab]);
    }
  }

  const start = (seq: number) => {
    const job = jobs[seq]!;
    const d = deferred();
    results.set(seq, d);
    inFlight++;
    void (async () => {
      const bytes = await readFile(job.path);
      const cacheKey = opts.cache ? opts.cache.keyFor(job.name, job.key, bytes, job.issue, job.corrections?.text) : null;
      if (opts.cache && cacheKey) {
        const hit = await opts.cache.get(cacheKey);
        if (hit) {
          stats.cached++;
          d.resolve({ ...hit, cached: true });
          return;
        }
      }
      if (broken) throw broken;
      queue.push({ seq, job, bytes, cacheKey, d });
      dispatch();
    })().catch((err) => d.reject(err));
  };

  const fill = () => {
    while (next < jobs.length && inFlight < lookahead) {
      if (jobs[next] !== null) start(next);
      next++;
    }
  };

  return {
    stats,
    /** The outcome for job i (rejects with the segmenter's error); call with increasing i. */
    take(i: number): Promise<SegmentOutcome> {
      if (jobs[i] === null || jobs[i] === undefined) throw new Error(`segment pool: no job ${i}`);
      while (next <= i) {
        // the consumer got ahead of the window (skipped jobs): start up to i regardless
        if (jobs[next] !== null) start(next);
        next++;
      }
      fill();
      const d = results.get(i);
      if (!d) throw new Error(`segment pool: job ${i} taken twice`);
      results.delete(i);
      return d.promise.finally(() => {
        inFlight--;
        fill();
      });
    },
    /** Stop the workers and wait for cache writes. */
    async close(): Promise<void> {
      closed = true;
      queue.length = 0;
      await Promise.all([...warm.splice(0), ...pool.map((p) => p.worker)].map(stopWorker));
      pool.length = 0;
      await Promise.all([...writes]);
    },
  };
}
