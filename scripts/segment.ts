/**
 * `npm run segment [-- --input DIR --output DIR]`: raw page text files → one Markdown file
 * per article, plus `_report.json` accounting for everything not in an article.
 * All I/O of the segmenter lives here; the stages in src/ are pure.
 */
import { parseArgs } from 'node:util';
import { runSegment, SegmentCliError } from './lib/segment-run.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: 'content/raw' },
    output: { type: 'string', default: 'content/articles' },
    quiet: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

try {
  const summary = await runSegment({ input: values.input!, output: values.output!, log: values.quiet ? () => {} : (l) => console.log(l) });
  if (summary.articles === 0) {
    console.error(`segment: no articles could be built from ${values.input}`);
    process.exit(1);
  }
} catch (err) {
  if (err instanceof SegmentCliError) {
    console.error(`segment: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
