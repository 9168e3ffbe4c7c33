/**
 * The modules a TypeScript module loads, read from its import and export statements: the segment
 * cache hashes what the segment worker actually runs (segment-cache.ts), and
 * tests/architecture.test.ts checks the whole project for import cycles with it.
 *
 * The statements are found by pattern, not by a parser (the build must not depend on the
 * TypeScript compiler, a dev dependency); tests/architecture.test.ts checks the patterns
 * against the compiler's own list of imports for every file of the project.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

// import and export statements with a `from` clause (which may span lines), bare imports, and
// dynamic imports of a string literal
const STATIC = /^[ \t]*(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"\n]+)\1/gmu;
const BARE = /^[ \t]*import\s*(['"])([^'"\n]+)\1/gmu;
const DYNAMIC = /\bimport\(\s*(['"])([^'"\n]+)\1\s*\)/gu;

/** The module specifiers a source text imports, in order of appearance, each once. */
export function importsOf(source: string): string[] {
  const found: [number, string][] = [];
  for (const re of [STATIC, BARE, DYNAMIC]) for (const m of source.matchAll(re)) found.push([m.index, m[2]]);
  return [...new Set(found.sort((a, b) => a[0] - b[0]).map(([, s]) => s))];
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`); null for a built-in or a path. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export interface ImportGraph {
  /** Every module reached (absolute paths) → the local modules it imports (absolute paths). */
  modules: Map<string, string[]>;
  /** Packages imported by any of them. */
  packages: Set<string>;
}

/** The modules `entries` load, transitively, following relative imports (absolute paths). */
export async function importGraph(entries: string[]): Promise<ImportGraph> {
  const modules = new Map<string, string[]>();
  const packages = new Set<string>();
  const todo = entries.map((e) => resolve(e));
  while (todo.length) {
    const file = todo.pop()!;
    if (modules.has(file)) continue;
    const local: string[] = [];
    for (const spec of importsOf(await readFile(file, 'utf8'))) {
      const pkg = packageOf(spec);
      if (pkg) packages.add(pkg);
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      if (!existsSync(target)) throw new Error(`${file} imports ${spec}, which does not exist`);
      local.push(target);
      todo.push(target);
    }
    modules.set(file, local);
  }
  return { modules, packages };
}
