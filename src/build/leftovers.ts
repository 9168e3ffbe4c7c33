/**
 * What an interrupted run leaves next to a folder it writes, cleared by the next run once it
 * holds that folder's lock (src/build/lock.ts), so nothing found there belongs to a live run:
 *
 *   <folder>.next, <folder>.next.*   the site being assembled, its render folders and job files
 *   <folder>.tmp-<pid>               the articles being written (segment-run.ts)
 *   <folder>.old-<pid>               the previous folder, moved aside by a swap (swapFolder())
 *   <folder>.lock.<pid>.tmp          a lock being written (lock.ts)
 *
 * A swap renames the folder to `.old-<pid>` and then the new one into its place: a run killed
 * between the two renames leaves no folder at all, and the old one is put back. Issue #14: a
 * killed swap used to leave a full copy of the old site in `_site.old-<pid>` for ever.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pidAlive } from './lock.ts';
import { shownPath } from './messages.ts';

/**
 * Clear the leftovers of interrupted runs next to `folder` (see the top of this file) and, when
 * the folder itself is missing but a run moved it aside, put it back. Resolves to what was done,
 * one phrase each (nothing: an empty list). Entries of a live process other than this one are
 * left alone.
 */
export async function clearLeftovers(folder: string): Promise<string[]> {
  const target = resolve(folder);
  const dir = dirname(target);
  const base = basename(target);
  const done: string[] = [];
  const olds: { name: string; pid: number }[] = [];
  const ours = (pid: number) => pid === process.pid || !pidAlive(pid);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(`${base}.`)) continue;
    const rest = name.slice(base.length + 1);
    let m: RegExpExecArray | null;
    if (rest === 'next' || rest.startsWith('next.') || ((m = /^tmp-(\d+)$/u.exec(rest)) && ours(Number(m[1]))) || ((m = /^lock\.(\d+)\.tmp$/u.exec(rest)) && ours(Number(m[1])))) {
      await rm(join(dir, name), { recursive: true, force: true });
      done.push(`removed ${shownPath(join(dir, name))}`);
    } else if ((m = /^old-(\d+)$/u.exec(rest)) && ours(Number(m[1]))) {
      olds.push({ name, pid: Number(m[1]) });
    }
  }
  if (olds.length > 0 && !(await stat(target).catch(() => null))) {
    // at most one swap runs at a time (the lock): the last one moved aside is the folder
    const times = await Promise.all(olds.map(async (o) => (await stat(join(dir, o.name)).catch(() => null))?.ctimeMs ?? 0));
    const back = olds[times.indexOf(Math.max(...times))];
    await rename(join(dir, back.name), target);
    done.push(`put ${shownPath(join(dir, back.name))} back as ${shownPath(target)}`);
    olds.splice(olds.indexOf(back), 1);
  }
  for (const o of olds) {
    await rm(join(dir, o.name), { recursive: true, force: true });
    done.push(`removed ${shownPath(join(dir, o.name))}`);
  }
  return done;
}
