/**
 * The development pages as read by an extractor the development corpus has no text of (HELD_OUT in
 * news/extract.ts: MuPDF's `mutool draw -F txt`, `pdftotext -raw`). The text is made from the
 * corpus's PDFs when the tool is installed and kept under .cache/devset/held-out/ (never committed:
 * it is the copyrighted pages' text). Such a row shows how the rules, set on the five extractors,
 * read text of another: docs/segmenter.md gives the figures from before any rule was set on it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVSET_CACHE, DEVSET_DIR } from './devset-load.ts';
import { HELD_OUT_COMMAND, type HeldOut } from './news/extract.ts';

/** Whether a command runs here. */
function present(cmd: string): boolean {
  try {
    execFileSync(cmd, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // ENOENT: not installed; a non-zero exit of `-v` still says it is there
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * Each development page's text by a held-out extractor (`<page>.<extractor>.txt` → bytes), or why
 * there is none: the corpus or the tool absent.
 */
export function heldOutDevsetTexts(extractor: HeldOut): { texts: Map<string, Uint8Array> } | { absent: string } {
  const { cmd, args, debian } = HELD_OUT_COMMAND[extractor];
  const pdfDir = join(DEVSET_DIR, 'pdf');
  if (!existsSync(pdfDir)) return { absent: 'n/a (../shared/corpus-dev absent)' };
  const cache = join(DEVSET_CACHE, 'held-out');
  const pdfs = readdirSync(pdfDir).filter((n) => n.endsWith('.pdf')).sort();
  const texts = new Map<string, Uint8Array>();
  let tool: boolean | undefined;
  for (const pdf of pdfs) {
    const name = `${pdf.slice(0, -'.pdf'.length)}.${extractor}.txt`;
    const file = join(cache, name);
    if (!existsSync(file)) {
      tool ??= present(cmd);
      if (!tool) return { absent: `n/a (${cmd} not installed: apt-get install ${debian})` };
      const text = execFileSync(cmd, args(join(pdfDir, pdf)), { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
      mkdirSync(cache, { recursive: true });
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    }
    texts.set(name, new Uint8Array(readFileSync(file)));
  }
  return { texts };
}
