/** /articles/<id>/<id>.ris: the article's citation (src/site/cite-files.ts). */
import { citeTemplate } from '../../src/site/cite-files.ts';

const t = citeTemplate('ris');
export const data = t.data;
export const render = t.render;
