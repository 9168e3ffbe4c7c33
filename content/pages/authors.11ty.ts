/** Index of everyone credited: reporters, correspondents, authors and photographers. */
import { html } from '../../src/site/html.ts';
import { ROLES } from '../../src/contract/markdown.ts';
import { breadcrumbs, count, personRoles, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'authors',
  title: '作者',
  permalink: '/authors/index.html',
};

export function render(d: TemplateData): string {
  const people = d.archive.people;
  const byRole = ROLES.map((r) => [r, people.filter((p) => p.byRole.has(r)).length] as const).filter(([, n]) => n > 0);
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '作者' }])}
<h1>作者</h1>
<p class="intro">共 ${count(people.length, '位')}：${byRole.map(([r, n], i) => html`${i ? '，' : ''}${r} ${n}`)}。按姓名拼音排列，数字为署名的文章篇数。</p>
<ul class="people">${people.map(
    (p) => html`<li><a href="${p.url}">${p.name}</a> <span class="count">${p.articles.length}</span> <span class="meta">${personRoles(p)}</span></li>`,
  )}</ul>
`.value;
}
