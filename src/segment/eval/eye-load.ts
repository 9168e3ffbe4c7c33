/**
 * Files of the eye-checked annotation (eye.ts): the hashed file the repository holds
 * (tests/gold-eye/devset-eye.json), the plain annotation it is made from (.cache/devset-eye/, never
 * committed: it quotes the copyrighted pages), and the extractors' text it is checked against.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEVSET_DIR, EXTRACTORS, REPO_ROOT } from './devset-load.ts';
import { hashPage, validateEyeGold, EYE_WINDOW, type EyeGold, type EyePage, type PlainPage } from './eye.ts';

export const EYE_GOLD_FILE = join(REPO_ROOT, 'tests', 'gold-eye', 'devset-eye.json');
export const EYE_PLAIN_FILE = join(REPO_ROOT, '.cache', 'devset-eye', 'annotation.yaml');

/** The hashed annotation; throws with every problem when the file is not sound. */
export function loadEyeGold(file = EYE_GOLD_FILE): EyeGold {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const errors = validateEyeGold(data);
  if (errors.length) throw new Error(`${file}: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? ` (+${errors.length - 5} more)` : ''}`);
  return data as EyeGold;
}

/** The five extractors' text of one page, decoded. */
export function extractorTexts(name: string, dir = DEVSET_DIR): string[] {
  return EXTRACTORS.map((e) => readFileSync(join(dir, 'text', `${name}.${e}.txt`), 'utf8'));
}

export const EYE_ABOUT =
  'Eye-checked annotation of the 14 development pages (../shared/corpus-dev/pdf/, 人民日报 page 7, January 2018), made by ' +
  'looking at every page rendered with pdftoppm (whole page at 60 dpi, every headline, byline, article start and end cropped ' +
  'at 100-130 dpi). No text: SHA-256 of strings with whitespace removed then NFKC-normalised; headline, kicker and subtitle ' +
  'without opening/closing dashes; start/end are the first/last ' + EYE_WINDOW + ' body characters, or more (startLen/endLen) where ' + EYE_WINDOW + ' are not unique on the page (the closing 作者 note is not body); ' +
  'affiliation is what that note states. lengths (characters) let a test find the strings in a text. chars: body length rounded ' +
  'to hundreds, from the extractors\' text. Made by scripts/eye-gold.ts from a plain annotation kept out of the repository; ' +
  'scored by src/segment/eval/eye.ts.';

/**
 * Make the hashed annotation from the plain one (YAML: page name → PlainPage), checking each page
 * against its extractors' text. Problems are returned, never thrown: the caller lists them all.
 */
export function buildEyeGold(plainYaml: string, dir = DEVSET_DIR): { gold: EyeGold; problems: string[] } {
  const plain = parse(plainYaml) as Record<string, PlainPage>;
  const problems: string[] = [];
  const pages: EyePage[] = [];
  for (const name of Object.keys(plain).sort()) {
    if (!existsSync(join(dir, 'pdf', `${name}.pdf`))) {
      problems.push(`${name}: no such page in ${dir}/pdf`);
      continue;
    }
    const r = hashPage(name, plain[name]!, extractorTexts(name, dir));
    problems.push(...r.problems);
    if (r.page) pages.push(r.page);
  }
  return { gold: { version: 1, about: EYE_ABOUT, window: EYE_WINDOW, pages }, problems };
}
