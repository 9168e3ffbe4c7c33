/** /articles/<id>/<id>.bib: the article's citation (src/site/cite-files.ts). */
import { citeTemplate } from '../../src/site/cite-files.ts';

const t = citeTemplate('bib');
export const data = t.data;
export const render = t.render;
