import MarkdownIt from 'markdown-it';

/**
 * The one markdown-it instance the site uses for article bodies.
 * Raw HTML in the Markdown is never passed through (html: false) and bare URLs are not
 * turned into links (linkify: false). A `# ` heading in a body would compete with the
 * page's single h1, so h1 becomes h2; other levels stay as written (the segmenter writes
 * subheads as `## `, src/contract/markdown.ts).
 */
export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.core.ruler.push('baoku_demote_h1', (state) => {
    for (const token of state.tokens) {
      if ((token.type === 'heading_open' || token.type === 'heading_close') && token.tag === 'h1') token.tag = 'h2';
    }
  });
  // Article bodies carry no images: a Markdown image would be an outside request the CSP blocks.
  md.disable(['image']);
  return md;
}

export const markdown = createMarkdown();

export interface BodyBlock {
  kind: 'paragraph' | 'subhead';
  text: string;
}

/** Plain-text blocks (paragraphs and subheads) of a Markdown body, in order. */
export function bodyBlocks(source: string): BodyBlock[] {
  const tokens = markdown.parse(source, {});
  const blocks: BodyBlock[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'inline') continue;
    const prev = tokens[i - 1];
    const text = (t.children ?? [])
      // line breaks inside a paragraph join without a space, as Chinese lines do
      .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : ''))
      .join('')
      .trim();
    if (!text) continue;
    blocks.push({ kind: prev?.type === 'heading_open' ? 'subhead' : 'paragraph', text });
  }
  return blocks;
}
