import { readFileSync } from 'node:fs';
import { toLines } from '../src/segment/lines.ts';
const [f, a, b] = process.argv.slice(2);
for (const l of toLines(readFileSync(f, 'utf8'))) if (l.no >= +a && l.no <= +b) console.log(l.no, l.width, l.blanksBefore, l.boxedFirst ? 'BF' : '', JSON.stringify(l.text));
