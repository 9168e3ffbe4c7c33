/** One page per month of a paper: /browse/<publication>/<yyyy>/<mm>/, the calendar of its issues. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { Month } from '../../src/site/entities.ts';
import { breadcrumbs, calendar, count, issueCrumbs, issueList, pager, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  month: Month;
}

export const data = {
  section: 'browse',
  ...onePagePer('months', 'month'),
  eleventyComputed: { title: (d: Data) => `${d.month.publication.name} ${d.month.label}` },
};

export function render(d: Data): string {
  const m = d.month;
  const months = m.publication.months;
  const i = months.indexOf(m);
  return html`${breadcrumbs(issueCrumbs(m.issues[0], 'month'))}
<h1>${m.publication.name} <span class="h1-sub">${m.label}</span></h1>
<p class="intro">${count(m.issues.length, '期')}。日历中有链接的日子有报纸。</p>
${calendar(m, { heading: false })}
${issueList(m.issues)}
${pager(
  '相邻月份',
  months[i - 1] ? { url: months[i - 1].url, text: months[i - 1].label, hint: '上个月' } : null,
  months[i + 1] ? { url: months[i + 1].url, text: months[i + 1].label, hint: '下个月' } : null,
)}
`.value;
}
