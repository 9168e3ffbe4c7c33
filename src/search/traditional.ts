/**
 * Which queries the search page's traditional → simplified converter can change, decided without
 * the converter: the characters that can set off a change (`conversionTriggers()`), written by the
 * build to /assets/vendor/opencc-t2cn-triggers.js (content/pages/search-triggers.11ty.ts).
 *
 * The converter (opencc-js, Taiwan → mainland) is the page's largest script (about 54 KB
 * compressed) and building its tables holds the main thread; most queries are simplified already
 * and would load it for nothing. A query with none of these characters is exactly what the
 * converter would give back, so the page never loads it for such a query.
 *
 * Why the set is complete: the converter splits the text into segments (which changes no
 * character) and runs each segment through a chain of dictionaries, each replacing the longest
 * key found at each place by its value. If the text comes out changed, some stage changed it,
 * and the first that did saw the text as typed and replaced a key k by a different value v, k
 * being part of the text. Taking, for every entry whose value differs from its key, the
 * characters where they differ (all of the key's when the two differ in length), that key gave
 * the set a character the text holds. The set is wider than needed (a change one stage makes
 * and a later one undoes, 群 → 羣 → 群, still counts), never narrower.
 */
import { Locale } from 'opencc-js/t2cn';

/** The converter's configuration on the search page: `Converter({ from: 'tw', to: 'cn' })`. */
const CONFIG = 'tw2s';

/** A dictionary: "key value|key value|…", or [key, value] pairs. */
type Dict = string | readonly (readonly [string, string])[];

function entries(dict: Dict): [string, string][] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v]);
  return dict
    .split('|')
    .filter(Boolean)
    .map((e) => e.split(' ') as [string, string]);
}

/** The characters that can make the search page's converter change a query, in code point order. */
export function conversionTriggers(): string {
  // a chain is a list of stages, a stage a list of dictionaries (opencc-js's DictGroup)
  const config = (Locale.configs as Record<string, { normalizationChain?: Dict[][]; conversionChain: Dict[][] }>)[CONFIG];
  if (!config) throw new Error(`opencc-js has no ${CONFIG} configuration: the search page's converter would not be the one described here`);
  const chars = new Set<string>();
  for (const dict of [...(config.normalizationChain ?? []), ...config.conversionChain].flat()) {
    for (const [key, value] of entries(dict)) {
      if (key === value) continue;
      const k = [...key];
      const v = [...value];
      if (k.length !== v.length) for (const c of k) chars.add(c);
      else k.forEach((c, i) => c !== v[i] && chars.add(c));
    }
  }
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
}
