/**
 * The one inline script of the site: on the search page, it asks for the index chunks a search
 * in the page's address will need while the page's head is still being read (issue #18: at most
 * three dependent round trips before the first result). Without it the chunks were asked for
 * only once the page's modules had run and Pagefind had started — a round trip after everything
 * the head names — and the first result waited for four: the page, what its head names, the
 * chunks, the results' fragments. Now the chunks go out with what the head names.
 *
 * The index stage writes the first bundle's chunk table into the page beside the script
 * (src/build/search-preload.ts: each chunk's first and last word and its file, from Pagefind's
 * metadata, src/build/pagefind-meta.ts). The script finds the words of the query as the search
 * page asks Pagefind for them (assets/search-core.js planQuery: a query with a Han character is
 * the longest stretch of it without punctuation, each Han character a word, each run of letters
 * or digits one, lower-cased), and for each word the chunk Pagefind loads for it (the first whose
 * range holds the word, words compared by code point, as Pagefind compares them) and adds a
 * preload link for it, which Pagefind's own request then uses. A query without a Han character
 * is left to Pagefind (its own words are not these), and so is a page without the table.
 *
 * Its text is fixed: the site's Content-Security-Policy allows it by its hash and nothing else
 * inline (_includes/base.11ty.ts).
 */
import { createHash } from 'node:crypto';

/** The id of the element holding the chunk table (JSON: {bundle, chunks: [from, to, hash][]}). */
export const CHUNK_TABLE_ID = 'search-chunks';

export const CHUNK_PRELOAD_SCRIPT = [
  '(()=>{',
  `const t=document.getElementById(${JSON.stringify(CHUNK_TABLE_ID)});`,
  "const raw=new URLSearchParams(location.search).get('q');",
  'if(!t||!raw||!/\\p{Script=Han}/u.test(raw))return;',
  // normalizeForMatch: whitespace touching a Han character goes, other runs are one space
  "const q=raw.normalize('NFC').replace(/\\s+/gu,' ').replace(/ (?=\\p{Script=Han})|(?<=\\p{Script=Han}) /gu,'').trim().toLowerCase();",
  'const runs=[[]];',
  'for(const [w] of q.matchAll(/\\p{Script=Han}|(?:(?!\\p{Script=Han})[\\p{L}\\p{N}\\p{M}])+|\\s+|[\\s\\S]/gu)){',
  "if(/\\s/u.test(w))continue;",
  'if(/^(?:\\p{Script=Han}|[\\p{L}\\p{N}\\p{M}]+)$/u.test(w))runs[runs.length-1].push(w);else runs.push([]);',
  '}',
  'const best=runs.reduce((a,b)=>b.length>a.length?b:a);',
  'const cmp=(a,b)=>{const x=[...a],y=[...b];for(let i=0;i<x.length&&i<y.length;i++){const d=x[i].codePointAt(0)-y[i].codePointAt(0);if(d)return d;}return x.length-y.length;};',
  'let table;try{table=JSON.parse(t.textContent);}catch{return;}',
  'const want=new Set();',
  'for(const w of best){const c=table.chunks.find(([f,l])=>cmp(f,w)<=0&&cmp(w,l)<=0);if(c)want.add(c[2]);}',
  // Pagefind looks wider when no word has a chunk, and asks for nothing here then
  'for(const h of want){const l=document.createElement(\'link\');l.rel=\'preload\';l.as=\'fetch\';l.crossOrigin=\'\';l.href=table.bundle+\'index/\'+h+\'.pf_index\';document.head.append(l);}',
  '})();',
].join('');

/** The script's hash, as the Content-Security-Policy names it. */
export const CHUNK_PRELOAD_HASH = `'sha256-${createHash('sha256').update(CHUNK_PRELOAD_SCRIPT).digest('base64')}'`;
