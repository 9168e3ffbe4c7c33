/** One page per year of a paper: /browse/<publication>/<yyyy>/, a calendar of each month with issues. */
import { onePagePer } from '../../src/site/collections.ts';
import { html } from '../../src/site/html.ts';
import type { Year } from '../../src/site/entities.ts';
import { breadcrumbs, calendar, count, issueCrumbs, pager, type TemplateData } from '../../src/site/views.ts';

interface Data extends TemplateData {
  year: Year;
}

export const data = {
  section: 'browse',
  ...onePagePer('years', 'year'),
  eleventyComputed: { title: (d: Data) => `${d.year.publication.name} ${d.year.label}` },
};

export function render(d: Data): string {
  const y = d.year;
  const years = y.publication.years;
  const i = years.indexOf(y);
  return html`${breadcrumbs(issueCrumbs(y.issues[0], 'year'))}
<h1>${y.publication.name} <span class="h1-sub">${y.label}</span></h1>
<p class="intro">${count(y.issues.length, '期')}。有报纸的日子可以点开。</p>
<div class="calendars">${y.months.map((m) => calendar(m, { heading: true }))}</div>
${pager(
  '相邻年份',
  years[i - 1] ? { url: years[i - 1].url, text: years[i - 1].label, hint: '上一年' } : null,
  years[i + 1] ? { url: years[i + 1].url, text: years[i + 1].label, hint: '下一年' } : null,
)}
`.value;
}
