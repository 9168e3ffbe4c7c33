/**
 * Other Baoku sites whose search indexes this site's search page searches too (BAOKU_SEARCH_ALSO:
 * their root URLs, separated by spaces or commas). Each is asked for its /search/config.json when
 * a reader searches; results link to that site. They must allow cross-origin requests.
 */
function searchAlso(value = process.env.BAOKU_SEARCH_ALSO ?? ''): string[] {
  return value
    .split(/[\s,]+/u)
    .filter(Boolean)
    .map((v) => {
      let u: URL;
      try {
        u = new URL(v);
      } catch {
        throw new Error(`BAOKU_SEARCH_ALSO: "${v}" is not a URL (give the root of another Baoku site, e.g. https://archive.example/zhuzhou/)`);
      }
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`BAOKU_SEARCH_ALSO: "${v}" is not an http(s) URL`);
      return u.href.replace(/\/?$/u, '/');
    });
}

/** Site-wide data, available to every template as `site`. */
const site = {
  name: '报库',
  nameLatin: 'Baoku',
  title: '报库 Baoku',
  description: '报纸版面文字整理成的可浏览、可检索的文章档案。',
  lang: 'zh-CN',
  /** Absolute origin used for the feed, the sitemap and citations (no trailing slash). */
  url: (process.env.BAOKU_SITE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
  /** Root URLs of other Baoku sites searched together with this one (see searchAlso()). */
  searchAlso: searchAlso(),
  /** Feed timestamp: SOURCE_DATE_EPOCH (seconds) for reproducible builds, else the build time. */
  updated: new Date(
    process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now(),
  ).toISOString().replace(/\.\d{3}Z$/, 'Z'),
};

export type Site = typeof site;
export default site;
