/**
 * The article on its page (issue #17), the way Chronicling America and Trove show an article: for
 * an article read from a page PDF, the page drawn as an image (content/pages/raw-page-image.11ty.ts)
 * with the article's region (`source.bbox`, PDF points) outlined and the rest of the page dimmed,
 * and the PDF itself linked for download. An SVG lays the region over the image in the page's own
 * coordinates (its viewBox is the page in points), so it scales with the image and needs no inline
 * style, which the site's Content-Security-Policy forbids.
 */
import { canDrawPages } from '../pdf/render.ts';
import type { SiteArticle } from './entities.ts';
import { html, type SafeHtml } from './html.ts';
import { rawPageSizes } from './raw.ts';

const pt = (x: number) => String(Math.round(x * 10) / 10);

/** The file's name without its folders: what the downloaded PDF is called. */
const baseName = (file: string) => file.replace(/^.*\//u, '');

export async function pageView(a: SiteArticle): Promise<SafeHtml | ''> {
  const f = a.file;
  if (!f.isPdf || !f.rawPath) return '';
  const download = html`<a href="${f.pdfUrl}" download="${baseName(f.file)}" type="application/pdf">下载原版 PDF</a>`;
  const size = (await rawPageSizes(f.rawPath))?.[a.source.page - 1];
  const box = a.source.bbox;
  if (!size || !box || !canDrawPages()) {
    return html`<section class="on-page" aria-labelledby="on-page-h" data-pagefind-ignore>
<h2 id="on-page-h">版面原件</h2>
<p>本文读自 PDF 版面 ${f.file} 第 ${String(a.source.page)} 页。${download}</p>
</section>`;
  }
  const { width: W, height: H } = size;
  // the outline stands a few points clear of the type: the region's bottom is the last baseline,
  // and Chinese glyphs reach a little below it
  const pad = 3;
  const [x0, y0, x1, y1] = [Math.max(0, box[0] - pad), Math.max(0, box[1] - pad), Math.min(W, box[2] + pad), Math.min(H, box[3] + pad)];
  // the page dimmed outside the region: the page's outline and the region's, filled even-odd
  const dim = `M0 0H${pt(W)}V${pt(H)}H0Z M${pt(x0)} ${pt(y0)}H${pt(x1)}V${pt(y1)}H${pt(x0)}Z`;
  const label = `${f.file} 第 ${a.source.page} 页的版面图，框出的是《${a.displayTitle}》所在的区域`;
  return html`<section class="on-page" aria-labelledby="on-page-h" data-pagefind-ignore>
<h2 id="on-page-h">版面上的位置</h2>
<figure class="page-view">
<a class="page-view-image" href="${f.pageImageUrl(a.source.page)}"><svg viewBox="0 0 ${pt(W)} ${pt(H)}" role="img" aria-label="${label}" data-page-width="${pt(W)}" data-page-height="${pt(H)}">
<image href="${f.pageImageUrl(a.source.page)}" x="0" y="0" width="${pt(W)}" height="${pt(H)}"></image>
<path class="page-dim" d="${dim}" fill-rule="evenodd"></path>
<rect class="page-region" x="${pt(x0)}" y="${pt(y0)}" width="${pt(x1 - x0)}" height="${pt(y1 - y0)}"></rect>
</svg></a>
<figcaption>${f.file} 第 ${String(a.source.page)} 页，框内是本文（区域 ${pt(box[0])}, ${pt(box[1])} – ${pt(box[2])}, ${pt(box[3])}，PDF 点，自左上角量起）。点击图片看整版大图 · ${download}</figcaption>
</figure>
</section>`;
}
