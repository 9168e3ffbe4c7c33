import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isLocked } from './lock.ts';

/** Where stateFolder() keeps the state for `forPath`, without making it. */
export function stateFolderPath(kind: string, forPath: string, root: string): string {
  return join(root, '.cache', kind, createHash('sha1').update(resolve(forPath)).digest('hex').slice(0, 12));
}

/**
 * A folder of state kept between builds for one folder of the user's (`.cache/<kind>/<hash of
 * its path>/` under the project): the segment cache of an input folder, the manifest of a site.
 * Folders kept for paths that no longer exist (temporary test folders) are removed on the way,
 * unless a run holds them or their folder (a first build's site does not exist until its swap).
 */
export async function stateFolder(kind: string, forPath: string, root: string): Promise<string> {
  const base = join(root, '.cache', kind);
  const abs = resolve(forPath);
  const dir = stateFolderPath(kind, forPath, root);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'for.txt'), `${abs}\n`);
  for (const other of await readdir(base).catch(() => [] as string[])) {
    const at = join(base, other);
    if (at === dir) continue;
    const of = (await readFile(join(at, 'for.txt'), 'utf8').catch(() => null))?.trim();
    if (of === undefined || existsSync(of) || (await isLocked(of)) || (await isLocked(at))) continue;
    await rm(at, { recursive: true, force: true }).catch(() => undefined);
  }
  return dir;
}
