/**
 * The development set derived from the PDFs in ../shared/corpus-dev/ (issue #12): structural
 * invariants of what src/segment/eval/devset.ts derives from the geometry. The corpus is
 * copyrighted and not in the repository: the test reads it at run time and skips when it is absent.
 * No text of the corpus is written here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { squash } from '../src/segment/eval/gold.ts';
import { DEVSET_DIR, devsetPresent, loadDevset } from '../src/segment/eval/devset-load.ts';

const skip = devsetPresent() ? false : '../shared/corpus-dev is absent';

test('the derived gold of every corpus page holds together', { skip }, async () => {
  const devset = await loadDevset();
  assert.ok(devset, 'corpus loads');
  assert.equal(devset.pages.length, 14);
  for (const { name, gold } of devset.pages) {
    // The file NAME carries the issue date (rmrbYYYYMMDD07): the header's date must agree with it.
    const m = /^rmrb(\d{4})(\d{2})(\d{2})(\d{2})$/u.exec(name);
    assert.ok(m, `${name}: page name`);
    assert.equal(gold.issue_date, `${m[1]}-${m[2]}-${m[3]}`, `${name}: header date`);
    assert.equal(gold.page, 7, `${name}: page number`);
    assert.equal(gold.page, Number(m[4]), `${name}: page number matches the name`);
    assert.match(gold.weekday, /^星期[一二三四五六日]$/u, `${name}: weekday`);
    assert.ok(gold.section.length > 0, `${name}: section name`);

    assert.ok(gold.articles.length >= 2 && gold.articles.length <= 12, `${name}: ${gold.articles.length} articles`);
    const text = squash(readFileSync(join(DEVSET_DIR, 'text', `${name}.pdftotext.txt`), 'utf8'));
    gold.articles.forEach((a, i) => {
      const where = `${name} article ${i}`;
      assert.ok([...a.headline].length > 1, `${where}: headline of more than one character`);
      assert.ok(a.start.length >= 6 && text.includes(a.start), `${where}: start occurs in the pdftotext text`);
      assert.ok(a.end.length >= 6 && text.includes(a.end), `${where}: end occurs in the pdftotext text`);
      assert.ok(a.authors.length >= 1 && a.authors.every((n) => n.length >= 2 && n.length <= 4), `${where}: author names`);
      for (const f of a.affiliations) assert.match(f, /^（作者.*）$/u, `${where}: affiliation note`);
    });
    const starts = gold.articles.map((a) => a.start);
    assert.equal(new Set(starts).size, starts.length, `${name}: article starts are distinct`);
    assert.ok(gold.sentences.length >= 40, `${name}: ${gold.sentences.length} sentences`);
    for (const s of gold.sentences) assert.ok(text.includes(s), `${name}: sentence occurs in the pdftotext text: ${s.length} chars`);
    assert.ok(gold.paragraph_breaks.length >= 10, `${name}: ${gold.paragraph_breaks.length} paragraph breaks`);
    // Every article on these pages is signed: one name line per article at least.
    assert.ok(gold.articles.every((a) => a.authors.length > 0), `${name}: every article has an author`);
  }
});
