/** One page per person: their articles, grouped by the role they had. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import { ROLES } from '../../src/contract/markdown.ts';
import type { Person } from '../../src/site/entities.ts';
import { articleList, breadcrumbs, count, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  person: Person;
}

export const data = {
  section: 'authors',
  ...onePagePer('people', 'person'),
  eleventyComputed: { title: (d: Data) => d.person.name },
};

export function render(d: Data): string {
  const p = d.person;
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '作者', url: '/authors/' }, { label: p.name }])}
<h1>${p.name}</h1>
<p class="intro">署名 ${count(p.articles.length, '篇')}文章：${p.roles.map((r, i) => html`${i ? '，' : ''}${r} ${p.byRole.get(r)!.length} 篇`)}。</p>
${ROLES.filter((r) => p.byRole.has(r)).map(
  (r) => html`<section aria-labelledby="role-${r}">
<h2 id="role-${r}">${r === '摄影' ? '摄影作品' : `以${r}署名`} <span class="meta">${count(p.byRole.get(r)!.length, '篇')}</span></h2>
${articleList(p.byRole.get(r)!, { heading: 'h3', source: true })}
</section>`,
)}
`.value;
}
