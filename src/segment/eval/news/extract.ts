/**
 * Printing the typeset news pages to PDF (headless Chromium) and extracting their text with the
 * five extractors of the development corpus (../shared/corpus-dev/README.md): poppler pdftotext
 * (plain and -layout), pdfminer.six, pypdf and @opendocsg/pdf2md; and with two that the
 * development corpus does not have, MuPDF's `mutool draw -F txt` and `pdftotext -raw` (HELD_OUT:
 * first measured before any rule was set on their text). I/O lives here, not in the layout: this module needs
 * /usr/bin/chromium, poppler-utils, python3-pdfminer, python3-pypdf, python3-fonttools and
 * mupdf-tools (Debian packages) and the pdf2md dev dependency.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { squash } from '../gold.ts';

export const EXTRACTORS = ['pdftotext', 'pdftotext-layout', 'pdfminer', 'pypdf', 'pdf2md', 'mutool', 'pdftotext-raw'] as const;
export type Extractor = (typeof EXTRACTORS)[number];
/** Extractors the development corpus has no text of: the eval makes it from the development PDFs (heldout.ts). */
export const HELD_OUT = ['mutool', 'pdftotext-raw'] as const;
export type HeldOut = (typeof HELD_OUT)[number];
/**
 * The command of each held-out extractor, printing a PDF's text: MuPDF's (blocks apart by blank
 * lines, a paragraph's indented first line often a block of its own) and poppler's in the order
 * the page's content stream draws it (`-raw`: no columns re-ordered, a closing quote at the head of
 * the next line). Its Debian package, for the message when it is missing.
 */
export const HELD_OUT_COMMAND: Record<HeldOut, { cmd: string; args: (pdfPath: string) => string[]; debian: string }> = {
  mutool: { cmd: 'mutool', args: (pdf) => ['draw', '-q', '-F', 'txt', '-o', '-', pdf], debian: 'mupdf-tools' },
  'pdftotext-raw': { cmd: 'pdftotext', args: (pdf) => ['-raw', '-enc', 'UTF-8', pdf, '-'], debian: 'poppler-utils' },
};

/** Debian's python, which has the pdfminer and pypdf packages (a pyenv shim on PATH may not). */
const PYTHON = '/usr/bin/python3';
const CHROMIUM = '/usr/bin/chromium';

/**
 * Fonts: Noto Serif/Sans CJK SC cut down to the characters the pages use. Chromium writes a
 * font's ToUnicode map from its cmap, and the full Noto CJK fonts map many ideographs' glyphs
 * from Kangxi radicals as well (U+2F00…: ⾦ for 金, ⻓ for 长); pypdf and pdfminer then read the
 * radicals. A subset built from the page text alone has only the ideographs in its cmap, so every
 * extractor reads the characters that were typeset. Subsetting also keeps the PDFs small.
 * The subset's CFF outlines are then turned into TrueType ones: Chromium embeds a CFF web font as
 * Type 3 glyph procedures (large, and unlike real pages), a TrueType one as a CID TrueType font,
 * which is what the development corpus's PDFs hold (`pdffonts`).
 */
const FONT_SOURCES = [
  { file: 'serif-400.ttf', ttc: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc' },
  { file: 'serif-700.ttf', ttc: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc' },
  { file: 'sans-400.ttf', ttc: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  { file: 'sans-700.ttf', ttc: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' },
] as const;
/** Index of the SC face in the Noto CJK collections (`fc-list : family index`). */
const SC_INDEX = 2;

/**
 * CFF → TrueType outlines (quadratic curves via fontTools' cu2qu), tables adjusted to match; the
 * font's own timestamp (head.modified) is left as the source font has it, or every PDF would differ.
 */
const PY_TO_TRUETYPE = `
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
font = TTFont(sys.argv[1], recalcTimestamp=False)
order = font.getGlyphOrder()
glyphs = font.getGlyphSet()
glyf = newTable('glyf')
glyf.glyphOrder = order
glyf.glyphs = {}
for name in order:
    pen = TTGlyphPen(None)
    glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    glyf.glyphs[name] = pen.glyph()
font['glyf'] = glyf
font['loca'] = newTable('loca')
for tag in ('CFF ', 'VORG'):
    if tag in font:
        del font[tag]
maxp = font['maxp']
maxp.tableVersion = 0x00010000
for k in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs',
          'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements', 'maxPoints', 'maxContours',
          'maxCompositePoints', 'maxCompositeContours', 'maxComponentDepth'):
    setattr(maxp, k, 1 if k == 'maxZones' else 0)
font['head'].glyphDataFormat = 0
font['post'].formatType = 3.0
font.sfntVersion = '\\x00\\x01\\x00\\x00'
font.save(sys.argv[2])
`;

export function subsetFonts(text: string, dir: string): void {
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  const chars = [...new Set([...text, ...'0123456789０１２３４５６７８９'])].sort().join('');
  const textFile = join(dir, 'fonts', 'chars.txt');
  writeFileSync(textFile, chars);
  for (const f of FONT_SOURCES) {
    const cff = join(dir, 'fonts', f.file.replace(/\.ttf$/u, '.otf'));
    execFileSync(PYTHON, [
      '-m', 'fontTools.subset', f.ttc, `--font-number=${SC_INDEX}`, `--text-file=${textFile}`,
      `--output-file=${cff}`, '--layout-features=*', '--no-hinting',
    ]);
    execFileSync(PYTHON, ['-c', PY_TO_TRUETYPE, cff, join(dir, 'fonts', f.file)]);
  }
}

/** Print each HTML file (already written in `dir` beside its fonts/) to `<name>.pdf` in `dir`. */
export async function printPages(dir: string, pages: readonly { name: string; widthMm: number }[]): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(`file://${join(dir, `${p.name}.html`)}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // One PDF page holding the whole newspaper page: the height is what the layout took.
      const heightPx = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
      await page.pdf({
        path: join(dir, `${p.name}.pdf`),
        width: `${p.widthMm}mm`,
        height: `${heightPx + 2}px`,
        printBackground: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
      });
    }
  } finally {
    await browser.close();
  }
}

/**
 * Chromium stamps each PDF with its creation and modification time and a random document ID;
 * everything else is a function of the HTML and the fonts. Fixed values make the files byte-stable.
 */
export function normalisePdf(bytes: Buffer): Buffer {
  let s = bytes.toString('latin1');
  s = s.replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/gu, (m, k: string) => {
    const fixed = `/${k} (D:20230101000000+00'00')`;
    return fixed.length <= m.length ? fixed + ' '.repeat(m.length - fixed.length) : m;
  });
  s = s.replace(/\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/gu, (_m, a: string, b: string) => `/ID [<${'0'.repeat(a.length)}> <${'0'.repeat(b.length)}>]`);
  return Buffer.from(s, 'latin1');
}

const PY_PDFMINER = 'import sys\nfrom pdfminer.high_level import extract_text\nsys.stdout.write(extract_text(sys.argv[1]))';
const PY_PYPDF = 'import sys\nfrom pypdf import PdfReader\nsys.stdout.write(PdfReader(sys.argv[1]).pages[0].extract_text())';

/** One PDF's text as the extractor gives it, unmodified. */
export async function extract(pdfPath: string, extractor: Extractor): Promise<string> {
  // stderr set aside: mutool warns on every page that it has no colour management (ICC)
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  switch (extractor) {
    case 'pdftotext':
      return run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
    case 'pdftotext-layout':
      return run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']);
    case 'pdfminer':
      return run(PYTHON, ['-c', PY_PDFMINER, pdfPath]);
    case 'pypdf':
      return run(PYTHON, ['-c', PY_PYPDF, pdfPath]);
    case 'mutool':
    case 'pdftotext-raw':
      return run(HELD_OUT_COMMAND[extractor].cmd, HELD_OUT_COMMAND[extractor].args(pdfPath));
    case 'pdf2md': {
      // A CommonJS module: its function arrives as the default export, whatever its typings say.
      const mod = (await import('@opendocsg/pdf2md')) as unknown as { default: (pdf: Uint8Array) => Promise<string> };
      return mod.default(new Uint8Array(readFileSync(pdfPath)));
    }
  }
}

/**
 * Text in which to look for the gold's strings: whitespace removed, and for pdf2md the Markdown
 * heading marks it puts at the start of every line (`######`), which the segmenter reads as
 * markup (SourceLine.heading) and not as text.
 */
export function searchableText(text: string, extractor: Extractor): string {
  const plain = extractor === 'pdf2md' ? text.replace(/^[ \t]*#{1,6}[ \t]*/gmu, '') : text;
  return squash(plain);
}
