/**
 * A PDF's text as the simplest pdf.js readers give it (pdf-parse and the many Node tools built the
 * same way): the runs of text in the order the page draws them, a new line wherever a run's
 * baseline is not the previous run's, the pages apart by a blank line. No columns are found and no
 * blank line parts paragraphs. `npm run eval` reads the typeset news pages and the development
 * pages this way as an extractor held out (`pdfjs`): no rule was set on its text before its rows
 * were first measured (docs/segmenter.md, twenty-eighth session).
 */
import { readPdf } from '../../pdf/read.ts';

export async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const pages = await readPdf(bytes);
  return `${pages
    .map((page) => {
      let text = '';
      let baseline: number | undefined;
      for (const item of page.items) {
        // (a vertical run's transform gives its top, a horizontal one's its baseline)
        const y = item.vertical ? item.top : item.bottom;
        text += baseline === undefined || y === baseline ? item.text : `\n${item.text}`;
        baseline = y;
      }
      return text;
    })
    .join('\n\n')}\n`;
}
