/**
 * The site's URLs: every page of an archive node is a folder URL (`/authors/<slug>/`), its
 * segments percent-encoded, written to `<folder>/index.html`.
 */
import { createHash } from 'node:crypto';

/** Encode each segment of a site path: `/authors/魏龙元/` → `/authors/%E9%AD%8F…/`. */
export function sitePath(...segments: string[]): string {
  return '/' + segments.map((s) => encodeURIComponent(s)).join('/') + '/';
}

/** The output file (relative to the site root) for an encoded site path ending in `/`. */
export function outputFor(path: string): string {
  return decodeURIComponent(path) + 'index.html';
}

/** A URL- and file-system-safe key for a name; readable names are kept as they are. */
export function slugFor(name: string): string {
  const cleaned = name.normalize('NFC').trim();
  if (/^[\p{L}\p{N}][\p{L}\p{N}·_.-]{0,47}$/u.test(cleaned) && !cleaned.endsWith('.')) return cleaned;
  return 'x-' + createHash('sha1').update(cleaned).digest('hex').slice(0, 12);
}
