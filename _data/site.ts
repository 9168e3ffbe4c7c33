/** Site-wide data, available to every template as `site`. */
const site = {
  name: '报库',
  nameLatin: 'Baoku',
  title: '报库 Baoku',
  description: '报纸版面文字整理成的可浏览、可检索的文章档案。',
  lang: 'zh-CN',
  /** Absolute origin used for the feed, the sitemap and citations (no trailing slash). */
  url: (process.env.BAOKU_SITE_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, ''),
  /** Feed timestamp: SOURCE_DATE_EPOCH (seconds) for reproducible builds, else the build time. */
  updated: new Date(
    process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now(),
  ).toISOString().replace(/\.\d{3}Z$/, 'Z'),
};

export type Site = typeof site;
export default site;
