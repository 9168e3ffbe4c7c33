/**
 * How good the keyword pages are (issue #15), for `npm run keyword-eval`: how many pages, the
 * share that list two articles or more (a page of one article leads nowhere), the doubles left
 * (a place and its administrative form on two pages: 株洲, 株洲市) and the fragments left — a
 * page whose keyword is, in none of the articles that name it, a word nodejieba's dictionary cut
 * keeps whole (`于民` of 问策于民, `社局` of 人社局) nor a name the archive taught (learnLexicon).
 *
 * `taggedOnly` measures the pages as the site made them before: one per keyword string of the
 * front matter, listing only the articles whose own keywords name it, no forms merged.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { decode } from '../segment/decode.ts';
import { learnLexicon, teach } from '../segment/keywords.ts';
import { bodyBlocks } from './markdown.ts';
import type { Archive, SiteArticle } from './entities.ts';

export interface KeywordMeasure {
  pages: number;
  /** Pages listing at least two articles. */
  multi: number;
  share: number;
  /** Keyword pages whose name is a place's bare or administrative form of another page's. */
  doubles: [string, string][];
  fragments: string[];
  lexicon: number;
}

interface Page {
  name: string;
  forms: string[];
  articles: SiteArticle[];
  tagged: SiteArticle[];
}

/** Every `*.txt` under `dir`, nested folders too, decoded as the segmenter decodes them. */
async function rawTexts(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.txt$/iu.test(e.name)) continue;
    try {
      out.push(decode(await readFile(join(e.parentPath, e.name))).text);
    } catch {
      /* not text: the segmenter skipped it too */
    }
  }
  return out;
}

function pagesOf(archive: Archive, taggedOnly: boolean): Page[] {
  if (!taggedOnly) return archive.keywords.map((k) => ({ name: k.name, forms: k.forms, articles: k.articles, tagged: k.tagged }));
  const byName = new Map<string, SiteArticle[]>();
  for (const a of archive.articles) for (const k of new Set(a.keywords)) byName.set(k, [...(byName.get(k) ?? []), a]);
  return [...byName].map(([name, list]) => ({ name, forms: [name], articles: list, tagged: list }));
}

export async function measureKeywords(archive: Archive, rawDir: string, opts: { taggedOnly?: boolean } = {}): Promise<KeywordMeasure> {
  const lexicon = learnLexicon(await rawTexts(rawDir));
  teach(lexicon);
  const learned = new Set(lexicon);
  const pages = pagesOf(archive, opts.taggedOnly ?? false);
  const cuts = new Map<SiteArticle, Set<string>>();
  const wordsOf = (a: SiteArticle) => {
    let w = cuts.get(a);
    if (!w) {
      // the text keywordsOf() reads: title, subtitle and body
      const text = [a.title, a.subtitle ?? '', ...bodyBlocks(a.body).map((b) => b.text)].join('\n');
      cuts.set(a, (w = new Set(nodejieba.cut(text, false))));
    }
    return w;
  };
  const fragments = pages
    .filter((p) => !p.forms.some((f) => learned.has(f) || p.tagged.some((a) => wordsOf(a).has(f))))
    .map((p) => p.name)
    .sort();
  const names = new Set(pages.map((p) => p.name));
  const doubles = pages
    .flatMap((p) => ['省', '市', '县', '区'].filter((s) => names.has(p.name + s)).map((s): [string, string] => [p.name, p.name + s]))
    .sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const multi = pages.filter((p) => p.articles.length >= 2).length;
  return { pages: pages.length, multi, share: pages.length ? multi / pages.length : 0, doubles, fragments, lexicon: lexicon.length };
}
