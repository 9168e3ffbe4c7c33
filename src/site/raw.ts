import { readFile } from 'node:fs/promises';
import { decode } from '../segment/decode.ts';
import { isPdfName, openPdf } from '../pdf/file.ts';
import { pageSizes } from '../pdf/render.ts';
import { textLayer } from '../pdf/segment.ts';

/**
 * Reading a raw newspaper text file for the site's raw-text view. Decoding is the segmenter's
 * own (src/segment/decode.ts) and lines split the way src/segment/lines.ts splits them (CRLF, CR or LF), so
 * line numbers here are the ones in the articles' `source.lines`.
 */

/** Split decoded text into lines; a trailing line end does not make an extra empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Remove control characters and BOMs that have no business in HTML (keeps tab). */
export function cleanLine(line: string): string {
  return line.replace(/[\u0000-\u0008\u000B-\u001F\u007F\uFEFF]/g, '');
}

/**
 * The file's lines, or null when its bytes are not text in any encoding the segmenter reads. A
 * PDF's lines are its text layer (src/pdf/segment.ts textLayer()), the lines its articles'
 * `source.lines` count.
 */
export async function readRawLines(path: string): Promise<string[] | null> {
  const bytes = await readFile(path);
  if (isPdfName(path)) {
    const opened = await openPdf(bytes);
    return 'problem' in opened ? null : textLayer(opened.pages).map((l) => l.line.text);
  }
  try {
    return splitLines(decode(bytes).text);
  } catch {
    return null;
  }
}

const sizes = new Map<string, Promise<{ width: number; height: number }[] | null>>();

/**
 * The page sizes (points) of a raw PDF, read once per build process: every article of the file
 * lays its region over its page's image by them. Null when the PDF cannot be read.
 */
export function rawPageSizes(path: string): Promise<{ width: number; height: number }[] | null> {
  let got = sizes.get(path);
  if (!got) {
    got = readFile(path).then((b) => pageSizes(b)).catch(() => null);
    sizes.set(path, got);
  }
  return got;
}
