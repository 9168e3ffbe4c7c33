/**
 * Variants of a raw sample file, generated in memory to check that the segmenter does not
 * depend on accidents of the sample's encoding or layout. Pure functions: text in, bytes out.
 */
import * as OpenCC from 'opencc-js/cn2t';

export interface Variant {
  name: string;
  describe: string;
  make(text: string): Uint8Array;
  /** The gold's strings as the variant's text prints them (NFKC's half-width punctuation), when they change. */
  gold?<T>(gold: T): T;
}

/** Every string of a gold file through NFKC, but its file name. */
const nfkcGold = <T,>(gold: T): T => JSON.parse(JSON.stringify(gold), (k: string, v: unknown) => (typeof v === 'string' && k !== 'file' ? v.normalize('NFKC') : v)) as T;

// ---------------------------------------------------------------------------------------------
// Traditional characters, as a Hong Kong paper prints them (opencc-js, mainland → Hong Kong),
// converted character by character so that the raw text and the gold's strings are converted
// alike (a phrase converted in the gold alone and inside the text may come out otherwise)
let cn2hk: ((s: string) => string) | undefined;
const hkChars = new Map<string, string>();
export function toTraditional(text: string): string {
  const convert = (cn2hk ??= OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return [...text]
    .map((c) => {
      const known = hkChars.get(c);
      if (known !== undefined) return known;
      const converted = convert(c);
      const t = [...converted].length === 1 ? converted : c;
      hkChars.set(c, t);
      return t;
    })
    .join('');
}
const traditionalGold = <T,>(gold: T): T => JSON.parse(JSON.stringify(gold), (k: string, v: unknown) => (typeof v === 'string' && k !== 'file' ? toTraditional(v) : v)) as T;

const utf8 = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// GB18030 encoding. Node has a GB18030 decoder but no encoder, so the reverse maps are built
// once from the decoder: every two-byte sequence (lead 0x81–0xFE, trail 0x40–0x7E, 0x80–0xFE),
// and the four-byte sequences that cover the rest of the BMP (pointers 0–39419). Code points
// beyond the BMP are encoded by the standard's arithmetic.

interface Gb18030Tables {
  two: Map<number, number>;
  four: Map<number, number>;
}

let tables: Gb18030Tables | undefined;

function fourBytes(pointer: number): [number, number, number, number] {
  const b1 = Math.floor(pointer / 12600);
  const r1 = pointer % 12600;
  const b2 = Math.floor(r1 / 1260);
  const r2 = r1 % 1260;
  const b3 = Math.floor(r2 / 10);
  const b4 = r2 % 10;
  return [b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30];
}

/** The reverse maps, built on first use and cached. */
export function gb18030Tables(): Gb18030Tables {
  if (tables) return tables;
  const dec = new TextDecoder('gb18030', { fatal: false });
  const two = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = dec.decode(pair);
      if (s.length !== 1) continue;
      const cp = s.codePointAt(0)!;
      if (cp === 0xfffd) continue;
      if (!two.has(cp)) two.set(cp, (lead << 8) | trail);
    }
  }
  const four = new Map<number, number>();
  const quad = new Uint8Array(4);
  for (let pointer = 0; pointer <= 39419; pointer++) {
    quad.set(fourBytes(pointer));
    const s = dec.decode(quad);
    if (s.length !== 1) continue;
    const cp = s.codePointAt(0)!;
    if (cp === 0xfffd) continue;
    if (!two.has(cp) && !four.has(cp)) four.set(cp, pointer);
  }
  tables = { two, four };
  return tables;
}

/** Encode text as GB18030 bytes. Throws on a code point the decoder never produces. */
export function encodeGb18030(text: string): Uint8Array {
  const { two, four } = gb18030Tables();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    const t = two.get(cp);
    if (t !== undefined) {
      out.push(t >> 8, t & 0xff);
      continue;
    }
    const f = four.get(cp);
    if (f !== undefined) {
      out.push(...fourBytes(f));
      continue;
    }
    if (cp >= 0x10000 && cp <= 0x10ffff) {
      out.push(...fourBytes(189000 + cp - 0x10000));
      continue;
    }
    throw new Error(`cannot encode U+${cp.toString(16).toUpperCase().padStart(4, '0')} in GB18030`);
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------------------------------------
// Text transformations.

/** Line ends as CRLF (existing CRLF kept as one CRLF). */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** Drop every line that is empty or holds only whitespace; line ends of the rest kept. */
export function removeBlankLines(text: string): string {
  const lines = text.split(/\r?\n/);
  const endsWithNewline = /\r?\n$/.test(text);
  const kept = lines.filter((l, i) => {
    if (endsWithNewline && i === lines.length - 1) return false; // the empty tail after the final newline
    return !/^[\s\u3000]*$/u.test(l);
  });
  return kept.join('\n') + (endsWithNewline ? '\n' : '');
}

/** Every ASCII space becomes an ideographic space U+3000. */
export function spacesToIdeographic(text: string): string {
  return text.replace(/ /g, '\u3000');
}

/** UTF-8 bytes, optionally with a byte-order mark. */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = utf8.encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf], 0);
  out.set(body, 3);
  return out;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'gb18030', describe: 're-encoded as GB18030', make: (t) => encodeGb18030(t) },
  { name: 'crlf+bom', describe: 'CRLF line ends, UTF-8 BOM', make: (t) => encodeUtf8(toCrlf(t), true) },
  { name: 'no-blank-lines', describe: 'all blank lines removed', make: (t) => encodeUtf8(removeBlankLines(t)) },
  { name: 'ideographic-spaces', describe: 'ASCII spaces → U+3000', make: (t) => encodeUtf8(spacesToIdeographic(t)) },
  { name: 'traditional', describe: 'traditional characters, as a Hong Kong paper prints them (opencc-js, character by character)', make: (t) => encodeUtf8(toTraditional(t)), gold: traditionalGold },
  { name: 'nfkc', describe: 'NFKC: full-width punctuation half-width (，→, ：→: （→( ？→?), as some extractors give it', make: (t) => encodeUtf8(t.normalize('NFKC')), gold: nfkcGold },
];
