/**
 * Writing correction files (issue 16): pure functions from a correction file's text and one edit
 * to the new text (`npm run correct`, correct-run.ts), and the entry the article page offers to
 * paste (src/site/correct.ts).
 *
 * A file is edited as a YAML document (the `yaml` package's Document API), never rewritten from
 * its parsed values, so the archivist's comments, the order of the entries and the quoting of
 * what they wrote stay. An article that already has an `article:` entry has that entry's `set:`
 * amended instead of a second entry added: with two, whoever reads the file has to work out
 * which one wins. A split or merge that is already there is not written twice.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { parseCorrections, type FieldValues } from './parse.ts';

/** What `npm run correct -- <id> …` asks for, in the terms of the correction format. */
export interface CorrectionEdit {
  id: string;
  /** Fields of `id` to replace (an `article:` entry's `set:`). */
  set: FieldValues;
  /** `split: id` with `before:` this anchor. */
  splitBefore?: string;
  /** `merge: [id, mergeWith]`. */
  mergeWith?: string;
}

export interface EditedEntry {
  /** 1-based line of the entry in the new text. */
  line: number;
  /** Added at the end, an existing entry amended, or the same entry already there (nothing written). */
  how: 'added' | 'amended' | 'present';
  /** The entry in words: `000-p2-03: title, authors`, `split 000-p2-02 before "…"`, `merge 000-p2-05, 000-p2-06`. */
  what: string;
}

export interface EditOutcome {
  /** The new text of the file (the old one, byte for byte, when nothing had to change). */
  text: string;
  entries: EditedEntry[];
  changed: boolean;
}

/**
 * How the files are written: `[a, b]` as people type it (not `[ a, b ]`), and never a line
 * folded, so an anchor or a title stays on the line that names it.
 */
const FORMAT = { flowCollectionPadding: false, lineWidth: 0 } as const;

const squash = (s: string) => s.replace(/\s+/gu, '');
/** An anchor in a message, cut as apply.ts cuts it in warnings. */
const shown = (s: string) => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

/** A scalar read back as the text it means: ids may have been written as YAML numbers. */
const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** `甲,乙`, `甲，乙` or `甲、乙` → the names (empty: no names, which clears the field). */
export const splitNames = (s: string): string[] =>
  s
    .split(/[,，、]/u)
    .map((x) => x.trim())
    .filter(Boolean);

/** A text in double quotes, as the README writes anchors: its spaces and punctuation are visibly part of it. */
function quoted(s: string): Scalar {
  const node = new Scalar(s);
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/** A field's value as a node: names as a flow list `[甲, 乙]`, text as YAML quotes it when it must. */
function valueNode(doc: Document, v: string | string[] | number): Node {
  return Array.isArray(v) ? (doc.createNode(v, { flow: true }) as Node) : (doc.createNode(v) as Node);
}

/**
 * `source` (a correction file's text, '' for a new file) with `edit` written into it. `label`
 * names the file in errors; `header` is the comment a new file starts with. A file that is not
 * a valid correction file is a CorrectionFileError (parse.ts), as the build would say it, and is
 * not touched.
 */
export function editCorrections(source: string, label: string, edit: CorrectionEdit, header?: string): EditOutcome {
  parseCorrections(source, label);
  // a Document, not a Document.Parsed: nodes made here are added to it
  const doc: Document = parseDocument(source);
  let seq: YAMLSeq;
  if (isSeq(doc.contents)) {
    seq = doc.contents;
  } else {
    // empty, or comments only: the comments stay above the first entry
    seq = doc.createNode([]) as YAMLSeq;
    doc.contents = seq;
    if (header !== undefined && source.trim() === '') doc.commentBefore = header;
  }
  // an entry added to a flow list `[]` would be written inside it on one line
  seq.flow = false;
  const touched: { index: number; how: EditedEntry['how']; what: string }[] = [];
  const entries = () => seq.items.map((item) => (isMap(item) ? (item as YAMLMap) : null));

  const names = Object.keys(edit.set);
  if (names.length > 0) {
    const what = `${edit.id}: ${names.join(', ')}`;
    // the last entry for the article: a later one overrides an earlier one, so that is the one to change
    const at = entries().reduce((last, m, i) => (m !== null && textOf(m.get('article')) === edit.id ? i : last), -1);
    if (at >= 0) {
      const entry = seq.items[at] as YAMLMap;
      const found: unknown = entry.get('set', true);
      const set = isMap(found) ? found : (doc.createNode({}) as YAMLMap);
      if (set !== found) entry.set('set', set);
      for (const [k, v] of Object.entries(edit.set)) set.set(k, valueNode(doc, v as string | string[] | number));
      touched.push({ index: at, how: 'amended', what });
    } else {
      const set = doc.createNode({}) as YAMLMap;
      for (const [k, v] of Object.entries(edit.set)) set.set(k, valueNode(doc, v as string | string[] | number));
      seq.items.push(doc.createNode({ article: edit.id, set }));
      touched.push({ index: seq.items.length - 1, how: 'added', what });
    }
  }

  if (edit.splitBefore !== undefined) {
    const what = `split ${edit.id} before "${shown(edit.splitBefore)}"`;
    const same = entries().findIndex((m) => m !== null && textOf(m.get('split')) === edit.id && squash(textOf(m.get('before')) ?? '') === squash(edit.splitBefore!));
    if (same >= 0) touched.push({ index: same, how: 'present', what });
    else {
      seq.items.push(doc.createNode({ split: edit.id, before: quoted(edit.splitBefore) }));
      touched.push({ index: seq.items.length - 1, how: 'added', what });
    }
  }

  if (edit.mergeWith !== undefined) {
    const pair = [edit.id, edit.mergeWith];
    const what = `merge ${pair.join(', ')}`;
    const same = entries().findIndex((m) => {
      const list = m?.get('merge', true);
      return isSeq(list) && list.items.length === 2 && list.items.every((x, i) => isScalar(x) && textOf(x.value) === pair[i]);
    });
    if (same >= 0) touched.push({ index: same, how: 'present', what });
    else {
      seq.items.push(doc.createNode({ merge: doc.createNode(pair, { flow: true }) }));
      touched.push({ index: seq.items.length - 1, how: 'added', what });
    }
  }

  const changed = touched.some((t) => t.how !== 'present');
  // nothing new: the file is left exactly as it was, not reformatted
  const text = changed ? doc.toString(FORMAT) : source;
  // read back as the build reads it: what is written is a correction file the build accepts
  const ops = parseCorrections(text, label);
  return { text, changed, entries: touched.map((t) => ({ line: ops[t.index].line, how: t.how, what: t.what })) };
}

/**
 * The entry an article page offers to paste (when the site has no BAOKU_EDIT_URL to link to): the
 * article's id and its title as printed now, to be changed, under a comment naming the file it
 * goes in. The title is in double quotes so that one holding `:` or `#` pastes as text.
 */
export function correctionSnippet(id: string, title: string, file: string): string {
  const doc = new Document([{ article: id, set: { title: quoted(title) } }]);
  const seq = doc.contents as YAMLSeq;
  (seq.items[0] as Node).commentBefore = ` 写入 ${file}（没有这个文件就新建）`;
  return doc.toString(FORMAT);
}
