/**
 * One page per person, in pages of ARTICLES_PER_LIST_PAGE: their articles, grouped by the role
 * they had, /authors/王斌/, /authors/王斌/2/ …
 */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { PersonPage } from '../../src/site/entities.ts';
import { articleList, breadcrumbs, count, listPager, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  ppage: PersonPage;
}

const pageOf = (p: PersonPage) => (p.of > 1 ? `（第 ${p.number} 页，共 ${p.of} 页）` : '');

export const data = {
  section: 'authors',
  ...onePagePer('people', 'ppage'),
  eleventyComputed: { title: (d: Data) => `${d.ppage.person.name}${pageOf(d.ppage)}` },
};

export function render(d: Data): string {
  const pg = d.ppage;
  const p = pg.person;
  const crumbs = [{ label: '首页', url: '/' }, { label: '作者', url: '/authors/' }, ...(pg.of > 1 ? [{ label: p.name, url: p.url }, { label: `第 ${pg.number} 页` }] : [{ label: p.name }])];
  return html`${breadcrumbs(crumbs)}
<h1>${p.name}${pg.of > 1 ? html` <span class="h1-sub">第 ${pg.number} 页，共 ${pg.of} 页</span>` : ''}</h1>
<p class="intro">署名 ${count(p.articles.length, '篇')}文章：${p.roles.map((r, i) => html`${i ? '，' : ''}${r} ${p.byRole.get(r)!.length} 篇`)}。</p>
${pg.sections.map(
  ({ role: r, articles }) => html`<section aria-labelledby="role-${r}">
<h2 id="role-${r}">${r === '摄影' ? '摄影作品' : `以${r}署名`} <span class="meta">${count(p.byRole.get(r)!.length, '篇')}</span></h2>
${articleList(articles, { heading: 'h3', source: true })}
</section>`,
)}
${pg.of > 1 ? listPager(`${p.name}的文章的页`, pg) : ''}`.value;
}
