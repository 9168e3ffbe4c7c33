/**
 * The static imports of the site's module scripts, so that a page can ask for all of them at once
 * (`<link rel="modulepreload">`, _includes/base.11ty.ts). Left to itself the browser finds a
 * module's imports only once the module has arrived: the search page's scripts came in three
 * waves, one round trip after another, before its code could start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project folder: the site's /assets/ are its assets/. */
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * `import … from '…'` and `import '…'` at the start of a line: the static imports. A dynamic
 * `import(…)` is left out: the page loads such a module only when it needs it.
 */
const STATIC_IMPORT = /^\s*import\s+(?:[^'"();]*?\s*from\s*)?['"]([^'"]+)['"]/gmu;

/**
 * Every module `script` (a site URL under /assets/) imports, directly or not, in the order they
 * are first met, without `script` itself. A module the build writes or copies rather than
 * assets/ holding it (the converter's files in /assets/vendor/) is listed but not read.
 */
export function moduleImports(script: string, root = ROOT): string[] {
  const seen = new Set<string>([script]);
  const out: string[] = [];
  const queue = [script];
  while (queue.length) {
    const url = queue.shift()!;
    let text: string;
    try {
      text = readFileSync(join(root, decodeURIComponent(url)), 'utf8');
    } catch {
      continue;
    }
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
      if (!spec.startsWith('.')) continue;
      const target = new URL(spec, `https://site${url}`).pathname;
      if (seen.has(target)) continue;
      seen.add(target);
      out.push(target);
      queue.push(target);
    }
  }
  return out;
}
