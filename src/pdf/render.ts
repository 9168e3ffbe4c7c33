/**
 * A PDF page drawn as an image, for the article page's view of the page (issue #17): pdfjs draws
 * it on a canvas of @napi-rs/canvas (pdfjs-dist's own optional dependency for Node, which brings
 * a prebuilt binary; no external program), encoded as WebP. Page sizes in points come with it, so
 * the site can lay an article's region (`source.bbox`, points) over the image.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** Width of a page image in pixels: the page's small type (8–9 pt) stays legible when zoomed to it. */
export const PAGE_IMAGE_WIDTH = 1400;
/** WebP quality: a 1400 px newspaper page comes out at a few hundred KiB. */
const WEBP_QUALITY = 82;

let canvasOk: boolean | undefined;

/** Can pages be drawn here? False when @napi-rs/canvas is not installed for this platform. */
export function canDrawPages(): boolean {
  if (canvasOk === undefined) {
    try {
      // loaded by pdfjs itself when it draws; loaded here only to know whether it can (its native build)
      const load = createRequire(import.meta.url);
      load('@napi-rs/canvas');
      canvasOk = true;
    } catch {
      canvasOk = false;
    }
  }
  return canvasOk;
}

async function open(bytes: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** The size of every page in points (width, height), in page order. */
export async function pageSizes(bytes: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await open(bytes);
  try {
    const out: { width: number; height: number }[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { width, height } = (await doc.getPage(n)).getViewport({ scale: 1 });
      out.push({ width, height });
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** Page `n` (1-based) of a PDF as a WebP image PAGE_IMAGE_WIDTH pixels wide. */
export async function drawPage(bytes: Uint8Array, n: number): Promise<Buffer> {
  const doc = await open(bytes);
  try {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: PAGE_IMAGE_WIDTH / page.getViewport({ scale: 1 }).width });
    const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: { toBuffer(type: string, quality: number): Buffer }; context: unknown } };
    const { canvas, context } = factory.create(Math.round(viewport.width), Math.round(viewport.height));
    await page.render({ canvasContext: context as CanvasRenderingContext2D, viewport, canvas: canvas as unknown as HTMLCanvasElement }).promise;
    return canvas.toBuffer('image/webp', WEBP_QUALITY);
  } finally {
    await doc.destroy();
  }
}
