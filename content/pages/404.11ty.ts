/** Not found. Served by the static server for any missing path. */
import { html } from '../../src/site/html.ts';
import { searchForm, type TemplateData } from '../../src/site/views.ts';

export const data = {
  section: 'none',
  title: '找不到这个页面',
  permalink: '/404.html',
  eleventyExcludeFromCollections: true,
};

export function render(_d: TemplateData): string {
  return html`<h1>找不到这个页面</h1>
<p>地址可能有误，或者这篇文章的编号已经改变。</p>
<ul class="plain-list">
<li><a href="/">回到首页</a></li>
<li><a href="/browse/">按报刊浏览</a></li>
<li><a href="/authors/">作者</a> · <a href="/keywords/">关键词</a></li>
</ul>
${searchForm({ id: 'notfound-q' })}
`.value;
}
