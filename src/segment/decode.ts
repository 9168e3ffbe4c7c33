import type { DecodedText } from './types.ts';
import { BINARY_BYTES_PER_BAD, DECODE_SAMPLE, UNDECODABLE_SHARE, UTF16_NUL_MINOR_SIDE, UTF16_NUL_PER_BYTES } from './thresholds.ts';

/** Raised for bytes that are not text at all; the CLI turns it into one warning line. */
export class UndecodableError extends Error {}

const REPLACEMENT = '\uFFFD';
/** C0 controls (but tab, line ends, vertical tab, form feed) and DEL: bytes text does not hold. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/u;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/gu;

/**
 * Stray control characters are damage like an undecodable byte: they become U+FFFD, so the
 * line is reported and the text keeps a mark of it (dropping them silently would lose a
 * character of the file). A DOS end-of-file mark (SUB) closing the file is dropped.
 */
function result(text: string, encoding: DecodedText['encoding']): DecodedText {
  const t = text.endsWith('\u001a') ? text.slice(0, -1) : text;
  const clean = CONTROL.test(t) ? t.replace(CONTROLS, REPLACEMENT) : t;
  return { text: clean, encoding, damagedLines: linesWith(clean, REPLACEMENT) };
}

/** Lines (1-based, counted as src/segment/lines.ts counts them: CRLF, CR or LF) holding `ch`. */
function linesWith(text: string, ch: string): number[] {
  const out: number[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
    else if (c === ch && out[out.length - 1] !== line) out.push(line);
  }
  return out;
}

/** C0 control bytes plain text never holds: all but tab, line ends, form feed, vertical tab, SUB and ESC. */
function isControlByte(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b;
}

/**
 * Decoded text that reads as text: almost no replacement characters, C0/C1 controls or
 * noncharacters in its first 64 Ki characters (16-bit binary data decodes into those).
 */
function plausibleText(text: string): boolean {
  const n = Math.min(text.length, DECODE_SAMPLE);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c === 0xfffe || c === 0xffff || (c >= 0x80 && c < 0xa0) || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d)) bad++;
  }
  return bad <= n / BINARY_BYTES_PER_BAD;
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
    return result(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8-bom');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return result(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return result(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, DECODE_SAMPLE));
  let nul = 0;
  let evenNul = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      nul++;
      if (i % 2 === 0) evenNul++;
    } else if (isControlByte(b)) controls++;
  }
  // UTF-16 without BOM: ASCII and many CJK code units put NUL on one side only. Chinese text
  // has few NULs (only its line ends, spaces and digits), so the side counts, not the amount.
  if (nul > sample.length / UTF16_NUL_PER_BYTES) {
    const le = evenNul < nul * UTF16_NUL_MINOR_SIDE;
    const be = evenNul > nul * (1 - UTF16_NUL_MINOR_SIDE);
    if (le || be) {
      const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
      if (plausibleText(text)) return result(text, le ? 'utf-16le' : 'utf-16be');
    }
  }
  if ((nul > 0 && nul > sample.length / BINARY_BYTES_PER_BAD) || controls > sample.length / BINARY_BYTES_PER_BAD) {
    throw new UndecodableError(`binary data (${nul} NUL and ${controls} control bytes in the first ${sample.length} bytes)`);
  }
  try {
    return result(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    /* not clean UTF-8: try GB18030 below */
  }
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  const gb = new TextDecoder('gb18030').decode(bytes);
  const utf8Bad = count(utf8, REPLACEMENT);
  const gbBad = count(gb, REPLACEMENT);
  const [text, encoding, bad] = gbBad < utf8Bad ? [gb, 'gb18030' as const, gbBad] : [utf8, 'utf-8' as const, utf8Bad];
  const letters = text.replace(/\s/g, '').length || 1;
  if (bad / letters > UNDECODABLE_SHARE) throw new UndecodableError(`undecodable: ${bad} of ${letters} characters are invalid in both UTF-8 and GB18030`);
  return result(text, encoding);
}
