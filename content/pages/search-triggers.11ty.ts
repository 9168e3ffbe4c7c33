/**
 * /assets/vendor/opencc-t2cn-triggers.js: the characters that can make the search page's
 * traditional → simplified converter change a query (src/search/traditional.ts), taken from the
 * same opencc-js the converter is copied from (.eleventy.ts), so the two cannot disagree. The
 * page loads the converter only for a query holding one of them.
 */
import { conversionTriggers } from '../../src/search/traditional.ts';

export const data = {
  layout: false,
  permalink: '/assets/vendor/opencc-t2cn-triggers.js',
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return `// Written by the build from opencc-js (src/search/traditional.ts): a query without any of these characters is what the converter would give back.\nexport default ${JSON.stringify(conversionTriggers())};\n`;
}
