import type { DecodedText } from './types.ts';

/** Raised for bytes that are not text at all; the CLI turns it into one warning line. */
export class UndecodableError extends Error {}

const REPLACEMENT = '\uFFFD';

function linesWith(text: string, ch: string): number[] {
  const out: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === ch && out[out.length - 1] !== line) out.push(line);
  }
  return out;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === ch) n++;
  return n;
}

/**
 * Detects the encoding from the bytes themselves: a BOM first, then strict UTF-8,
 * then GB18030 (GBK archives), choosing the decoding with fewer replacement characters.
 * Why: archives mix encodings and nothing in the file says which one it is.
 */
export function decode(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { text, encoding: 'utf-8-bom', damagedLines: linesWith(text, REPLACEMENT) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    return { text, encoding: 'utf-16le', damagedLines: linesWith(text, REPLACEMENT) };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    return { text, encoding: 'utf-16be', damagedLines: linesWith(text, REPLACEMENT) };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let nul = 0;
  let evenNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      nul++;
      if (i % 2 === 0) evenNul++;
    }
  }
  if (nul > sample.length / 8) {
    // UTF-16 without BOM: ASCII and many CJK code units put NUL on one side only.
    const le = evenNul < nul / 4;
    const be = evenNul > (nul * 3) / 4;
    if (le || be) {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
      return { text, encoding: le ? 'utf-16le' : 'utf-16be', damagedLines: linesWith(text, REPLACEMENT) };
    }
  }
  if (nul > 0 && nul > sample.length / 100) {
    throw new UndecodableError(`binary data (${nul} NUL bytes in the first ${sample.length} bytes)`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', damagedLines: [] };
  } catch {
    /* not clean UTF-8: try GB18030 below */
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const gb = new TextDecoder('gb18030').decode(bytes);
  const utf8Bad = count(utf8, REPLACEMENT);
  const gbBad = count(gb, REPLACEMENT);
  const [text, encoding, bad] = gbBad < utf8Bad ? [gb, 'gb18030' as const, gbBad] : [utf8, 'utf-8' as const, utf8Bad];
  const letters = text.replace(/\s/g, '').length || 1;
  if (bad / letters > 0.2) throw new UndecodableError(`undecodable: ${bad} of ${letters} characters are invalid in both UTF-8 and GB18030`);
  return { text, encoding, damagedLines: linesWith(text, REPLACEMENT) };
}
