import { readFile } from 'node:fs/promises';
import { decode } from '../segment/decode.ts';

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

/** The file's lines, or null when its bytes are not text in any encoding the segmenter reads. */
export async function readRawLines(path: string): Promise<string[] | null> {
  const bytes = await readFile(path);
  try {
    return splitLines(decode(bytes).text);
  } catch {
    return null;
  }
}
