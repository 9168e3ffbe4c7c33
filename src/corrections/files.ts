/**
 * Where a raw file's corrections are: `content/raw/a/b.txt` (or `a/b.pdf`, a page PDF) has its
 * corrections in `content/corrections/a/b.yml`. The segmenter reads them there
 * (src/build/segment-run.ts), `npm run correct` writes them there (correct-run.ts) and the
 * article page names the file (src/site/correct.ts): one function, so the three cannot disagree.
 */
import { join, resolve } from 'node:path';

/** The correction file of a raw file, relative to the correction folder: `a/b.txt` → `a/b.yml`. */
export const correctionPathOf = (rawName: string): string => rawName.replace(/\.(?:txt|pdf)$/iu, '') + '.yml';

/** The correction folder of an input folder: `corrections` beside it (content/corrections for content/raw). */
export const defaultCorrectionsDir = (input: string): string => resolve(join(input, '..', 'corrections'));
