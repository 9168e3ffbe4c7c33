/**
 * Read the text items of a PDF with pdfjs-dist (its legacy build, the one meant for Node), with
 * their geometry: position, size, font, writing direction. This is the only file that touches
 * pdfjs; everything that reasons about the items (src/pdf/layout.ts) is pure.
 *
 * Coordinates are turned to a top-left origin with y growing downwards, in PDF points, because
 * reading order (top to bottom, left to right) is then plain ascending order.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A rectangle on the page: left and right edges, top and bottom (y grows downwards). */
export interface Box {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** One run of text as the PDF draws it; `bottom` is the baseline for horizontal text. */
export interface PdfItem extends Box {
  /** The text as pdfjs decodes it (pdfjs inserts spaces where glyphs stand apart). */
  text: string;
  /** Type size in points: the glyph height the text matrix gives. */
  size: number;
  /** pdfjs' name for the font (e.g. g_d0_f4): equal names mean the same face. */
  font: string;
  /** Set for vertical writing (glyphs stacked top to bottom). */
  vertical: boolean;
}

export interface PdfPage {
  /** 1-based page number within the document. */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

// pdfjs fetches CMaps (needed to decode the CJK fonts newspapers embed) and the standard font
// data from folders of its own package; they must be given as paths ending in a slash.
const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(pdfjsRoot, 'cmaps') + '/';
const STANDARD_FONT_DATA_URL = join(pdfjsRoot, 'standard_fonts') + '/';

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Turn one pdfjs text item into a PdfItem (undefined for empty runs). */
function toItem(raw: RawTextItem, pageHeight: number, vertical: boolean): PdfItem | undefined {
  if (raw.str.trim() === '') return undefined;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = raw.transform;
  if (vertical) {
    // Vertical runs: the transform places the top of the first glyph; the run extends `height` down.
    const size = Math.hypot(a, b);
    return { text: raw.str, x0: e, x1: e + raw.width, top: pageHeight - f, bottom: pageHeight - f + raw.height, size, font: raw.fontName, vertical };
  }
  // The vertical scale is the type size; the horizontal one may differ when type is condensed or widened.
  const size = Math.hypot(c, d);
  return { text: raw.str, x0: e, x1: e + raw.width, top: pageHeight - f - size, bottom: pageHeight - f, size, font: raw.fontName, vertical };
}

/** Read every page of a PDF given as bytes. The bytes are copied: pdfjs detaches the buffer it is given. */
export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const styles = content.styles as Record<string, { vertical?: boolean }>;
      const items: PdfItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = toItem(raw as RawTextItem, height, styles[raw.fontName]?.vertical === true);
        if (item) items.push(item);
      }
      pages.push({ number: n, width, height, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
