/**
 * One page PDF of the archive through the PDF segmenter: bytes → articles and a report, in the
 * shape the text segmenter gives (src/segment/index.ts segmentFile()), so the build writes,
 * caches and reports both the same way. A PDF that cannot be read yields no article and one
 * warning that says why, in words a user can act on: it is encrypted, it has no text layer (a
 * scan), or it is broken.
 */
import { keywordsOf, teach } from '../segment/keywords.ts';
import { fileKey, inOwnCharacters, skippedReport } from '../segment/index.ts';
import { simplifiedShadow } from '../segment/script.ts';
import type { Article, FileReport, SegmentResult } from '../segment/types.ts';
import { readPdf, type PdfPage } from './read.ts';
import { segmentPdf } from './segment.ts';

/** Is this raw file a PDF (by its name: `.pdf`, any case)? */
export const isPdfName = (name: string): boolean => /\.pdf$/iu.test(name);

/** The PDF signature: `%PDF-` within the first KiB (some producers put a few bytes before it). */
const hasPdfHeader = (bytes: Uint8Array): boolean => Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');

/** Why a PDF cannot be read, as one warning line. */
export function pdfProblem(err: unknown): string {
  const e = err as { name?: string; message?: string };
  const message = (e?.message ?? String(err)).split('\n')[0]!;
  if (e?.name === 'PasswordException') return 'encrypted: the PDF needs a password to be opened; save an unprotected copy';
  return `broken PDF: ${message}`;
}

export interface PdfSegmentOptions {
  lexicon?: string[];
  key?: string;
}

/** Read a PDF's pages, or say why it cannot be read. */
export async function openPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[] } | { problem: string }> {
  if (!hasPdfHeader(bytes)) return { problem: 'broken PDF: no %PDF- header (not a PDF, or cut short)' };
  try {
    return { pages: await readPdf(bytes) };
  } catch (err) {
    return { problem: pdfProblem(err) };
  }
}

/**
 * Segment one PDF given its name (relative to the input folder) and bytes. A function of the
 * name, the bytes and the options, like segmentFile(): the lexicon is taught before keywords
 * are cut.
 */
export async function segmentPdfFile(name: string, bytes: Uint8Array, opts: PdfSegmentOptions = {}): Promise<SegmentResult> {
  teach(opts.lexicon ?? []);
  const opened = await openPdf(bytes);
  if ('problem' in opened) return { articles: [], report: skippedReport(name, opened.problem) };
  const { pages } = opened;
  if (pages.every((p) => p.items.length === 0)) {
    return { articles: [], report: skippedReport(name, `no text layer: OCR it first (${pages.length} page${pages.length === 1 ? '' : 's'} of images only)`, pages.length) };
  }
  // a PDF in traditional characters is read through its simplified shadow, as a text file is
  // (src/segment/script.ts): each item's text in simplified characters, character for character
  const shadow = simplifiedShadow(pages.flatMap((p) => p.items.map((i) => i.text)).join('\n'));
  const out = segmentPdf(name, shadow ? shadowPages(pages, shadow.text) : pages);
  const key = opts.key ?? fileKey(name);
  const perPage = new Map<number, number>();
  const articles: Article[] = out.articles.map((a) => {
    const n = (perPage.get(a.source.page) ?? 0) + 1;
    perPage.set(a.source.page, n);
    return { ...a, id: `${key}-p${a.source.page}-${String(n).padStart(2, '0')}`, keywords: keywordsOf(a) };
  });
  const report: FileReport = {
    file: name,
    encoding: 'pdf',
    pages: pages.length,
    articles: articles.length,
    unassigned: out.unassigned,
    duplicates: [],
    decisions: [],
    typography: '',
    // a scanned page among pages with text: the rest is read, that page said
    warnings: pages.filter((p) => p.items.length === 0).map((p) => ({ message: `page ${p.number} has no text layer: OCR it first` })),
  };
  // (given back over the whole text: an article's source.lines count the PDF's text layer, not the
  // items joined for the shadow, so they say nothing of where in the shadow a string stands)
  return shadow ? inOwnCharacters({ articles, report }, (s) => shadow.back(s)) : { articles, report };
}

/** The pages with each item's text taken from the shadow of their texts joined by line ends (as many characters each). */
function shadowPages(pages: readonly PdfPage[], shadow: string): PdfPage[] {
  const chars = [...shadow];
  let at = 0;
  return pages.map((p) => ({
    ...p,
    items: p.items.map((i) => {
      const n = [...i.text].length;
      const text = chars.slice(at, at + n).join('');
      at += n + 1;
      return { ...i, text };
    }),
  }));
}
