/** Index of everyone credited: reporters, correspondents, authors and photographers, filed by the first letter of their name's pinyin. */
import { html } from '../../src/site/html.ts';
import { ROLES } from '../../src/contract/markdown.ts';
import type { Person } from '../../src/site/entities.ts';
import { nameInitial } from '../../src/site/names.ts';
import { breadcrumbs, count, personRoles, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'authors',
  title: '作者',
  permalink: '/authors/index.html',
};

export function render(d: TemplateData): string {
  // archive.people is in name order (src/site/names.ts): the letters come in order with it
  const people = d.archive.people;
  const byRole = ROLES.map((r) => [r, people.filter((p) => p.byRole.has(r)).length] as const).filter(([, n]) => n > 0);
  const letters = new Map<string, Person[]>();
  for (const p of people) {
    const l = nameInitial(p.name);
    letters.set(l, [...(letters.get(l) ?? []), p]);
  }
  return html`${breadcrumbs([{ label: '首页', url: '/' }, { label: '作者' }])}
<h1>作者</h1>
<p class="intro">共 ${count(people.length, '位')}：${byRole.map(([r, n], i) => html`${i ? '，' : ''}${r} ${n}`)}。按姓名拼音排列（姓氏按姓的读音：曾 zēng、单 shàn、解 xiè），数字为署名的文章篇数。</p>
${letters.size > 1 ? html`<nav class="letter-nav" aria-label="按首字母"><ul class="inline-list">${[...letters.keys()].map((l) => html`<li><a href="#letter-${l === '#' ? 'other' : l}">${l}</a></li>`)}</ul></nav>` : ''}
${[...letters].map(
  ([l, list]) => html`<section class="letter" aria-labelledby="letter-${l === '#' ? 'other' : l}">
<h2 id="letter-${l === '#' ? 'other' : l}">${l}</h2>
<ul class="people">${list.map(
    (p) => html`<li><a class="name" href="${p.url}">${p.name}</a> <span class="count">${p.articles.length}</span> <span class="meta">${personRoles(p)}</span></li>`,
  )}</ul>
</section>`,
)}
`.value;
}
