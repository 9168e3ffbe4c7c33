/** Home: what the archive holds, a search form, and the ways in. */
import { html } from '../../src/site/html.ts';
import { count, publicationSummary, searchForm, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'home',
  permalink: '/index.html',
};

export function render(d: TemplateData): string {
  const c = d.archive.counts;
  // the papers counted are the papers listed: files that name none are said apart, not as a paper
  const known = d.archive.publications.filter((p) => p.known);
  const unknown = d.archive.publications.find((p) => !p.known);
  const stats: [string, number, string, string | null][] = [
    ['报刊', c.publications, '种', '/browse/'],
    ['文件', c.files, '个', '/browse/'],
    ['版面', c.pages, '版', '/browse/'],
    ['文章', c.articles, '篇', '/articles/'],
    ['作者', c.authors, '位', '/authors/'],
  ];
  return html`<div class="home-intro">
<h1>${d.site.name} <span class="site-name-latin" lang="en">${d.site.nameLatin}</span></h1>
<p class="tagline">${d.site.description}</p>
</div>
${searchForm({ id: 'home-q', big: true })}
<section aria-labelledby="stats-h">
<h2 id="stats-h">馆藏</h2>
<dl class="stats">${stats.map(
    ([label, n, unit, url]) =>
      html`<div class="stat"><dt>${label}</dt><dd>${url ? html`<a href="${url}">${count(n, unit)}</a>` : count(n, unit)}</dd></div>`,
  )}</dl>
</section>
<section aria-labelledby="ways-h">
<h2 id="ways-h">从这里开始</h2>
<ul class="ways">
<li><a href="/articles/"><strong>全部文章</strong><span>${count(c.articles, '篇')}，按报刊、日期和版面排列</span></a></li>
<li><a href="/browse/"><strong>按报刊浏览</strong><span>报刊 → 文件 → 版面 → 文章，按版面上的顺序阅读</span></a></li>
<li><a href="/authors/"><strong>作者</strong><span>记者、通讯员、作者与摄影，各有一页</span></a></li>
<li><a href="/keywords/"><strong>关键词</strong><span>${count(c.keywords, '个')}关键词，每个列出提到它的全部文章</span></a></li>
<li><a href="/search/"><strong>全文检索</strong><span>标题、正文与作者；繁体字会自动转为简体</span></a></li>
</ul>
</section>
<section aria-labelledby="pubs-h">
<h2 id="pubs-h">报刊</h2>
${known.length ? html`<ul class="plain-list papers">${known.map((p) => html`<li>${publicationSummary(p)}</li>`)}</ul>` : ''}
${unknown ? html`<p class="unknown-paper">另有 <a href="${unknown.url}">${unknown.name}</a>的文件 <span class="meta">${count(unknown.files.length, '个')} · ${count(unknown.articleCount, '篇')}</span>，不计入报刊种数。</p>` : ''}
</section>
`.value;
}
