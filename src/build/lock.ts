/**
 * One build at a time per folder (issue #14: two builds sharing `_site.next` and one manifest
 * left a site with 1,448 pages missing that no later build repaired). A run that writes a folder
 * holds `<folder>.lock`, a small JSON file naming its process: pid, start time, the kernel's
 * start time of that pid (so a pid reused by another program does not keep the lock alive) and
 * the host. A lock whose process is gone is stale and is taken over; a live one makes the second
 * run stop with LockBusyError, or wait (`--wait`) until it is released.
 *
 * The lock file is created complete or not at all: written under a name of its own, then
 * hard-linked to `<folder>.lock`, which fails if the name exists (`link` is atomic, like
 * O_EXCL, and no reader ever sees a half-written lock). A stale lock is removed by one process
 * at a time, holding `<folder>.lock.break`, and only if it still holds the stale content: two
 * runs finding the same stale lock cannot both end up holding the folder.
 */
import { readFileSync, rmSync } from 'node:fs';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { printable, shownPath } from './messages.ts';

export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  started: string;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat), null where unknown. */
  since: string | null;
  host: string;
  /** What holds it: `build`, `segment`. */
  what: string;
}

/** The folder is held by a live process. */
export class LockBusyError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder,
  ) {
    super(`another ${holder.what} is running (${describeHolder(holder)}): it holds ${shownPath(folder)}`);
  }
}

/** The lock could not be written: the folder's parent is missing, not a folder, not writable. */
export class LockWriteError extends Error {
  constructor(
    readonly folder: string,
    cause: unknown,
  ) {
    super((cause as Error).message, { cause });
  }
}

export const lockPathOf = (folder: string) => `${resolve(folder)}.lock`;

const two = (n: number) => String(n).padStart(2, '0');

/** `pid 1234, started 10:02` (the date too when not today; the host when not this one). */
export function describeHolder(h: LockHolder, now = new Date()): string {
  const t = new Date(h.started);
  const time = Number.isNaN(t.getTime()) ? 'at an unknown time' : `${t.toDateString() === now.toDateString() ? '' : `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} `}${two(t.getHours())}:${two(t.getMinutes())}`;
  return `pid ${h.pid}${h.host === hostname() ? '' : ` on ${printable(h.host)}`}, started ${time}`;
}

/** Field 22 of /proc/<pid>/stat (start time) and field 3 (state), or null without /proc. */
function procStat(pid: number): { since: string; state: string } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count after its end
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], since: rest[19] };
  } catch {
    return null;
  }
}

/** Whether the process is running (a zombie, or another program under a reused pid, is not). */
export function pidAlive(pid: number, since: string | null = null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists, owned by someone else
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const st = procStat(pid);
  if (st === null) return true;
  if (st.state === 'Z' || st.state === 'X') return false;
  return since === null || st.since === since;
}

function holderAlive(h: LockHolder): boolean {
  // another machine's process (a shared file system) cannot be checked: taken to be alive
  if (h.host !== hostname()) return true;
  return pidAlive(h.pid, h.since);
}

function parseHolder(text: string): LockHolder | null {
  try {
    const h = JSON.parse(text) as LockHolder;
    return typeof h.pid === 'number' && typeof h.started === 'string' ? { ...h, host: String(h.host ?? ''), what: String(h.what ?? 'build'), since: h.since ?? null } : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Folders locked by this process (a run that locks again what it holds would wait for itself). */
const heldHere = new Set<string>();

/** Lock files left when this process exits without releasing them (process.exit in a CLI). */
function releaseAtExit(): void {
  for (const path of heldHere) {
    try {
      const h = parseHolder(readFileSync(path, 'utf8'));
      // synchronous: nothing asynchronous runs once the process exits
      if (h?.pid === process.pid) rmSync(path, { force: true });
    } catch {
      /* gone already */
    }
  }
}
let exitHook = false;

/** Take `<folder>.lock` or throw LockBusyError; a stale lock is taken over. Resolves to its release. */
async function acquire(folder: string, what: string): Promise<() => Promise<void>> {
  const path = lockPathOf(folder);
  if (heldHere.has(path)) throw new Error(`${folder} is already locked by this process`);
  const me: LockHolder = { pid: process.pid, started: new Date().toISOString(), since: procStat(process.pid)?.since ?? null, host: hostname(), what };
  const mine = `${JSON.stringify(me)}\n`;
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, mine);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw new LockWriteError(folder, err);
  }
  try {
    for (;;) {
      try {
        await link(tmp, path);
        heldHere.add(path);
        if (!exitHook) {
          exitHook = true;
          process.once('exit', releaseAtExit);
        }
        return async () => {
          heldHere.delete(path);
          // only our own lock: a lock broken as stale (we were thought dead) is someone else's now
          const now = await readFile(path, 'utf8').catch(() => null);
          if (now === mine) await rm(path, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new LockWriteError(folder, err);
      }
      const text = await readFile(path, 'utf8').catch(() => null);
      if (text === null) continue; // released in between: try again
      const holder = parseHolder(text);
      if (holder && holderAlive(holder)) throw new LockBusyError(folder, holder);
      await breakStale(path, text, tmp);
    }
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/**
 * Remove the stale lock at `path` if it still reads `stale`, holding `<path>.break` meanwhile so
 * that no other process removes a lock taken in between. A breaker that died is itself stale.
 */
async function breakStale(path: string, stale: string, tmp: string): Promise<void> {
  const breaker = `${path}.break`;
  try {
    await link(tmp, breaker);
  } catch {
    const b = parseHolder((await readFile(breaker, 'utf8').catch(() => null)) ?? '');
    if (b && !holderAlive(b)) await rm(breaker, { force: true });
    await sleep(20 + Math.random() * 50);
    return;
  }
  try {
    if ((await readFile(path, 'utf8').catch(() => null)) === stale) await rm(path, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}

export interface FolderLock {
  /** The folders held, resolved, in the order they were locked. */
  folders: string[];
  release(): Promise<void>;
}

export interface LockOptions {
  /** What the holder is, as other runs are told (`another build is running`). */
  what: string;
  /** Wait until every folder is free instead of throwing LockBusyError. */
  wait?: boolean;
  /** Told once, when the run starts waiting. */
  onWait?: (err: LockBusyError) => void;
  /** How often a waiting run tries again (ms; default 250). */
  pollMs?: number;
}

/**
 * Lock every folder of `folders` (`<folder>.lock` next to each), all or none, in the order given
 * (the first busy one is the one named): when one is busy those already taken are released
 * before waiting, so two runs waiting for each other's folders cannot block each other for ever.
 * LockBusyError when one is held by a live process (unless `wait`); LockWriteError when a lock
 * cannot be written.
 */
export async function lockFolders(folders: string[], opts: LockOptions): Promise<FolderLock> {
  const list = [...new Set(folders.map((f) => resolve(f)))];
  let told = false;
  for (;;) {
    const releases: (() => Promise<void>)[] = [];
    try {
      for (const f of list) releases.push(await acquire(f, opts.what));
      return {
        folders: list,
        release: async () => {
          for (const r of releases.reverse()) await r();
        },
      };
    } catch (err) {
      for (const r of releases.reverse()) await r().catch(() => undefined);
      if (!(err instanceof LockBusyError) || !opts.wait) throw err;
      if (!told) opts.onWait?.(err);
      told = true;
      await sleep((opts.pollMs ?? 250) * (0.75 + Math.random() / 2));
    }
  }
}

/** Whether `<folder>.lock` is held by a live process (another run is writing the folder). */
export async function isLocked(folder: string): Promise<boolean> {
  const h = parseHolder((await readFile(lockPathOf(folder), 'utf8').catch(() => null)) ?? '');
  return h !== null && holderAlive(h);
}
