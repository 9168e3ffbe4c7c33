/**
 * The related lists' state kept between builds (src/site/related.ts RelatedState), read back from
 * the state folder by the main process and by each render process (render-child.ts), which must
 * not load the incremental build's orchestration to get it.
 */
import { readFile } from 'node:fs/promises';
import type { RelatedState } from '../site/related.ts';

/** The state at `path`, or undefined when there is none or it is of another version. */
export async function readRelatedState(path: string): Promise<RelatedState | undefined> {
  try {
    const s = JSON.parse(await readFile(path, 'utf8')) as RelatedState;
    return s?.version === 1 && s.tagged && s.articles ? s : undefined;
  } catch {
    return undefined;
  }
}
