/**
 * The development pages as read by an extractor the development corpus has no text of (HELD_OUT in
 * news/extract.ts: MuPDF's `mutool draw -F txt`). The text is made from the corpus's PDFs when the
 * tool is installed (Debian's mupdf-tools) and kept under .cache/devset/held-out/ (never committed:
 * it is the copyrighted pages' text). Such a row shows how the rules, set on the five extractors,
 * read text of a sixth: docs/segmenter.md gives its figures from before any rule was set on it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVSET_CACHE, DEVSET_DIR } from './devset-load.ts';
import { MUTOOL_ARGS } from './news/extract.ts';

/** Whether `mutool` runs here. */
export function mutoolPresent(): boolean {
  try {
    execFileSync('mutool', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Each development page's mutool text (`<page>.mutool.txt` → bytes), or why there is none: the
 * corpus or the tool absent.
 */
export function heldOutDevsetTexts(): { texts: Map<string, Uint8Array> } | { absent: string } {
  const pdfDir = join(DEVSET_DIR, 'pdf');
  if (!existsSync(pdfDir)) return { absent: 'n/a (../shared/corpus-dev absent)' };
  const cache = join(DEVSET_CACHE, 'held-out');
  const pdfs = readdirSync(pdfDir).filter((n) => n.endsWith('.pdf')).sort();
  const texts = new Map<string, Uint8Array>();
  let tool: boolean | undefined;
  for (const pdf of pdfs) {
    const name = `${pdf.slice(0, -'.pdf'.length)}.mutool.txt`;
    const file = join(cache, name);
    if (!existsSync(file)) {
      tool ??= mutoolPresent();
      if (!tool) return { absent: 'n/a (mutool not installed: apt-get install mupdf-tools)' };
      const text = execFileSync('mutool', MUTOOL_ARGS(join(pdfDir, pdf)), { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
      mkdirSync(cache, { recursive: true });
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    }
    texts.set(name, new Uint8Array(readFileSync(file)));
  }
  return { texts };
}
