/**
 * Data every template in content/pages/ shares (Eleventy's directory data file): the page shell,
 * _includes/base.11ty.ts. Templates that write no HTML page (feed, sitemap, JSON, CSS) set
 * `layout: false`.
 */
export default {
  layout: 'base.11ty.ts',
};
