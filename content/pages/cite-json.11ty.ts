/** /articles/<id>/<id>.json: the article's citation (src/site/cite-files.ts). */
import { citeTemplate } from '../../src/site/cite-files.ts';

const t = citeTemplate('json');
export const data = t.data;
export const render = t.render;
