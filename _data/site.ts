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

/** BAOKU_SITE_URL without its trailing slash, checked; '' when unset. */
export function siteUrl(value = process.env.BAOKU_SITE_URL ?? ''): string {
  if (!value.trim()) return '';
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw new Error(`BAOKU_SITE_URL: "${value}" is not a URL (give the site's root, e.g. https://archive.example/baoku/)`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`BAOKU_SITE_URL: "${value}" is not an http(s) URL`);
  return u.href.replace(/\/+$/u, '');
}

/**
 * BAOKU_EDIT_URL, checked: the address the article pages' 报告错误 / 更正 link goes to, a URL
 * template in which `{file}` is the article's correction file under content/corrections
 * (`000_9b41f1c6617766a6.yml`) and `{id}` its id; '' when unset (the pages then show the entry
 * to paste). Only http(s): a `javascript:` address would run script from a link the archive made.
 */
export function editUrl(value = process.env.BAOKU_EDIT_URL ?? ''): string {
  const template = value.trim();
  if (!template) return '';
  const example = 'e.g. https://github.com/you/archive/edit/main/content/corrections/{file}';
  let u: URL;
  try {
    u = new URL(template.replaceAll('{file}', 'a.yml').replaceAll('{id}', 'a'));
  } catch {
    throw new Error(`BAOKU_EDIT_URL: "${value}" is not a URL template (${example})`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`BAOKU_EDIT_URL: "${value}" is not an http(s) URL (${example})`);
  return template;
}

/** Site-wide data, available to every template as `site`. */
const site = {
  name: '报库',
  nameLatin: 'Baoku',
  title: '报库 Baoku',
  description: '报纸版面文字整理成的可浏览、可检索的文章档案。',
  lang: 'zh-CN',
  /**
   * The site's absolute root (BAOKU_SITE_URL, no trailing slash), or '' when not set: links
   * between pages are root-relative and work on any host; the feed, the sitemap, canonical links
   * and the URL in citations need an absolute one and are written only when it is set. Read when
   * a build asks (a getter), so that one process can build with and without it (the tests do).
   */
  get url(): string {
    return siteUrl();
  },
  /** The 报告错误 / 更正 link's URL template (BAOKU_EDIT_URL, see editUrl()), '' when not set; read when a build asks, as `url`. */
  get editUrl(): string {
    return editUrl();
  },
  /** Root URLs of other Baoku sites searched together with this one (see searchAlso()). */
  searchAlso: searchAlso(),
  /** Feed timestamp: SOURCE_DATE_EPOCH (seconds) for reproducible builds, else the build time. */
  updated: new Date(
    process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now(),
  ).toISOString().replace(/\.\d{3}Z$/, 'Z'),
};

export type Site = typeof site;
export default site;
