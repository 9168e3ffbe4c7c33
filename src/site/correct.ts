/**
 * The 报告错误 / 更正 section of every article page (issue 16). A reader or an archivist who finds
 * a wrong headline, byline or boundary is told where its fix goes: the correction file of the
 * article's raw file. With BAOKU_EDIT_URL set at build time (a URL template, _data/site.ts
 * editUrl()), a link to it — a repository's edit page for that file, an issue form; without, the
 * entry to paste into the file, ready to change, with a copy button (assets/cite.js, no inline
 * script: the pages' CSP allows none).
 */
import { correctionSnippet } from '../corrections/edit.ts';
import { correctionPathOf } from '../corrections/files.ts';
import type { SiteArticle } from './entities.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * The link for one article: `{file}` becomes its correction file under content/corrections
 * (each folder name and the file name URL-encoded, the slashes kept), `{id}` its id.
 */
export function editLink(template: string, file: string, id: string): string {
  const path = file.split('/').map(encodeURIComponent).join('/');
  return template.replaceAll('{file}', path).replaceAll('{id}', encodeURIComponent(id));
}

/** The section: a link to `template` when it is set, else the entry to paste. */
export function correctSection(a: SiteArticle, template: string): SafeHtml {
  const file = correctionPathOf(a.source.file);
  const where = `content/corrections/${file}`;
  const body = template
    ? html`<p>标题、作者或分篇有误？<a href="${editLink(template, file, a.id)}">报告错误 / 更正</a>（本文的更正写在更正文件 <code>${where}</code> 中，编号 <code>${a.id}</code>）。</p>`
    : html`<p>标题、作者或分篇有误？把下面这一段写入更正文件 <code>${where}</code>，改成正确的内容后重新构建；格式见项目的 docs/corrections.md。</p>
<pre class="correction-snippet" id="correction-yaml"><code>${correctionSnippet(a.id, a.title, where)}</code></pre>
<p class="copy-actions"><button type="button" class="copy-button" data-copy="correction-yaml" hidden>复制这一段</button> <span class="copy-status" role="status"></span></p>`;
  return html`<section class="correct" aria-labelledby="correct-h" data-pagefind-ignore>
<h2 id="correct-h">报告错误 / 更正</h2>
${body}
</section>`;
}
