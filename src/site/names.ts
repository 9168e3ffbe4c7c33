/**
 * The order of people's names: by their reading in pinyin, a surname read as a surname (曾 Zēng
 * not céng, 单 Shàn, 解 Xiè, 仇 Qiú, 区 Ōu, 查 Zhā, 朴 Piáo …), as pinyin-pro reads it in surname
 * mode. The collator alone (ICU's zh order) reads 曾庆梁 as céng and files it under C. Every list
 * of names on the site (the author index, a page's people) uses compareNames, so they all agree.
 */
import { pinyin } from 'pinyin-pro';
import { collator } from './entities.ts';

interface NameKey {
  /** Syllables without tones, space-separated: `zeng qing liang`. */
  letters: string;
  /** Tone digits in the same order: ties among the letters go by tone (ā á ǎ à). */
  tones: string;
}

const keys = new Map<string, NameKey>();

function keyOf(name: string): NameKey {
  let k = keys.get(name);
  if (k === undefined) {
    const syllables = pinyin(name, { surname: 'head', toneType: 'num', type: 'array', nonZh: 'consecutive', v: true }).map((s) => s.toLowerCase());
    k = {
      letters: syllables.map((s) => s.replace(/[0-5]$/u, '')).join(' '),
      tones: syllables.map((s) => /([0-5])$/u.exec(s)?.[1] ?? '0').join(''),
    };
    keys.set(name, k);
  }
  return k;
}

/** `曾庆梁` → `zeng qing liang`. */
export function nameReading(name: string): string {
  return keyOf(name).letters;
}

/** The letter a name is filed under: A–Z, or `#` for a name that reads as no Latin letter. */
export function nameInitial(name: string): string {
  const c = keyOf(name).letters.charAt(0).toUpperCase();
  return /[A-Z]/u.test(c) ? c : '#';
}

/** By reading, then tones, then the collator (two names read alike), so the order is total and stable. */
export function compareNames(x: string, y: string): number {
  const [a, b] = [keyOf(x), keyOf(y)];
  return a.letters < b.letters ? -1 : a.letters > b.letters ? 1 : a.tones < b.tones ? -1 : a.tones > b.tones ? 1 : collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
}
