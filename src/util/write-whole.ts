import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `path` whole or not at all, by a rename: a reader (a build, a merge) never sees
 * half of it, and a run killed in the middle leaves the previous file or none.
 */
export async function writeWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/**
 * Removes what writeWhole() left of `path` in a run killed while it wrote (`<path>.<pid>.tmp`);
 * resolves to how many such files there were.
 */
export async function removeHalfWritten(path: string): Promise<number> {
  const dir = dirname(path);
  const name = basename(path);
  let removed = 0;
  for (const f of await readdir(dir).catch(() => [] as string[])) {
    if (f.startsWith(`${name}.`) && /^\.\d+\.tmp$/u.test(f.slice(name.length))) {
      await rm(join(dir, f), { force: true });
      removed++;
    }
  }
  return removed;
}
