import nodejieba from 'nodejieba';
import { readFileSync, readdirSync } from 'node:fs';
import matter from 'gray-matter';
import { learnLexicon, teach } from './src/segment/keywords.ts';
import { decode } from './src/segment/decode.ts';
const raws = readdirSync('content/raw').filter(n=>n.endsWith('.txt')).map(n=>decode(readFileSync('content/raw/'+n)).text);
const lex = learnLexicon(raws); teach(lex);
console.log('lexicon', lex.join(' '));
const frag = new Map();
for (const n of readdirSync('content/articles').filter(n=>n.endsWith('.md'))) {
  const {data, content} = matter(readFileSync('content/articles/'+n,'utf8'));
  const text = [data.title, data.subtitle??'', content].join('\n');
  const c1 = new Set(nodejieba.cut(text)); const c2 = new Set(nodejieba.cut(text, true)); const c3 = new Set(nodejieba.cutForSearch(text));
  for (const k of data.keywords) if (!c1.has(k)) console.log(n, k, 'hmmcut', c2.has(k), 'search', c3.has(k));
}
