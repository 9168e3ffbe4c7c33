/**
 * A page PDF in traditional characters through the PDF segmenter: one of the project's typeset news
 * pages (tests/corpus-news/news11.html) printed twice by the tests' Chromium, as made and with its
 * text in traditional characters, as a Hong Kong paper prints it (opencc-js, character by
 * character). Read through its simplified shadow (src/segment/script.ts), the traditional page
 * must segment exactly as the simplified one does, every string in the characters it prints.
 * (The two are printed alike, with the machine's fonts, not the page's own subset fonts: the
 * comparison is between them, not with tests/pdf-news-layouts.test.ts's figures.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { segmentPdfFile } from '../src/pdf/file.ts';
import { NEWS_CORPUS_DIR } from '../src/segment/eval/news/corpus.ts';
import { toTraditional } from '../src/segment/eval/variants.ts';
import type { Article } from '../src/segment/types.ts';
import { launchBrowser } from './browser.ts';

/** Character by character, as the eval's `traditional` variant converts, so that the page and the simplified page's result are converted alike. */
const traditional = toTraditional;

/** What a reader sees of the articles: heads, names, captions, paragraphs. */
const seen = (articles: readonly Article[]) => articles.map((a) => ({ title: a.title, kicker: a.kicker, subtitle: a.subtitle, authors: a.authors, captions: a.captions.map((c) => c.text), body: a.body.map((b) => b.text) }));

test('a page PDF in traditional characters segments as the same page in simplified characters, every string as printed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'baoku-trad-pdf-'));
  try {
    const html = readFileSync(join(NEWS_CORPUS_DIR, 'news11.html'), 'utf8');
    writeFileSync(join(dir, 'simplified.html'), html);
    writeFileSync(join(dir, 'traditional.html'), traditional(html));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      for (const name of ['simplified', 'traditional']) {
        await page.goto(`file://${join(dir, `${name}.html`)}`, { waitUntil: 'load' });
        const heightPx = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
        await page.pdf({ path: join(dir, `${name}.pdf`), width: '310mm', height: `${heightPx + 2}px`, printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } });
      }
    } finally {
      await browser.close();
    }
    const simplified = (await segmentPdfFile('simplified.pdf', readFileSync(join(dir, 'simplified.pdf')))).articles;
    const read = (await segmentPdfFile('traditional.pdf', readFileSync(join(dir, 'traditional.pdf')))).articles;
    assert.ok(simplified.length >= 3, `${simplified.length} articles`);
    assert.deepEqual(JSON.parse(JSON.stringify(seen(read))), JSON.parse(traditional(JSON.stringify(seen(simplified)))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
