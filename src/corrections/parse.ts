/**
 * Reading a correction file (`content/corrections/<raw path>.yml`, issue 16): a YAML list of
 * operations, each kept with the line it starts on so that a correction that no longer applies
 * can be named by file and line. A file that is not valid YAML, or whose entries are not
 * operations, is a CorrectionFileError naming its file and line: the build stops (exit 2) rather
 * than publish a half-corrected archive.
 */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';

/** The article fields a `set:` may replace. */
export const SETTABLE = ['title', 'kicker', 'subtitle', 'authors', 'photographers', 'dateline', 'issue_date', 'section', 'publication', 'page'] as const;
export type Settable = (typeof SETTABLE)[number];
export type FieldValues = Partial<Record<Settable, string | string[] | number>>;

interface At {
  /** 1-based line of the entry in its correction file. */
  line: number;
}

export type Operation = At &
  (
    | { op: 'article'; id: string; set: FieldValues }
    | { op: 'merge'; ids: [string, string] }
    | { op: 'split'; id: string; before: string; set: FieldValues }
    | { op: 'furniture'; anchor: string }
    | { op: 'move'; anchor: string; to: string }
    | { op: 'headline_of'; id: string; text: string }
  );

export class CorrectionFileError extends Error {}

const LIST_FIELDS = new Set<Settable>(['authors', 'photographers']);

/** A scalar as text: ids and anchors may be written as YAML numbers or dates by accident. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

function fields(v: unknown, where: string): FieldValues {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new CorrectionFileError(`${where}: "set" must be a mapping of field: value`);
  const out: FieldValues = {};
  for (const [k, raw] of Object.entries(v as Record<string, unknown>)) {
    if (!(SETTABLE as readonly string[]).includes(k)) throw new CorrectionFileError(`${where}: "${k}" is not a field a correction can set (${SETTABLE.join(', ')})`);
    const name = k as Settable;
    if (LIST_FIELDS.has(name)) {
      // `authors: 甲,乙` and `authors: [甲, 乙]` both mean two names
      const items = Array.isArray(raw) ? raw.map((x) => text(x)) : typeof raw === 'string' ? raw.split(/[,，、]/u).map((x) => x.trim()) : [undefined];
      if (items.some((x) => x === undefined && !Array.isArray(raw))) throw new CorrectionFileError(`${where}: "${k}" must be a list of names`);
      out[name] = items.filter((x): x is string => !!x);
    } else if (name === 'page') {
      if (!Number.isInteger(raw) || (raw as number) < 1) throw new CorrectionFileError(`${where}: "page" must be a positive whole number`);
      out.page = raw as number;
    } else {
      // YAML reads an unquoted 2020-06-13 as a date: it is meant as the text
      // `title: ""` empties a field as `title:` does (the page's snippet writes "" for an untitled article)
      const s = raw === null || (typeof raw === 'string' && raw.trim() === '') ? '' : raw instanceof Date ? raw.toISOString().slice(0, 10) : text(raw);
      if (s === undefined && raw !== null) throw new CorrectionFileError(`${where}: "${k}" must be text`);
      // the contract keeps only an ISO date: any other would vanish from the article without a word
      if (name === 'issue_date' && s && !/^\d{4}-\d\d-\d\d$/u.test(s)) throw new CorrectionFileError(`${where}: "issue_date" must be a date written 2020-06-13`);
      out[name] = s ?? '';
    }
  }
  return out;
}

/**
 * The operations of one correction file. `label` names it in messages
 * (`corrections/000.yml`); lines are 1-based.
 */
export function parseCorrections(source: string, label: string): Operation[] {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = lines.linePos(e.pos[0]).line;
    throw new CorrectionFileError(`${label}:${line}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) throw new CorrectionFileError(`${label}:1: a correction file is a YAML list of operations (each line starting with "- ")`);
  const ops: Operation[] = [];
  for (const item of doc.contents.items) {
    const start = (item as { range?: [number, number, number] }).range?.[0] ?? 0;
    const line = lines.linePos(start).line;
    const where = `${label}:${line}`;
    if (!isMap(item)) throw new CorrectionFileError(`${where}: each correction is a mapping such as "- article: <id>"`);
    const o = item.toJSON() as Record<string, unknown>;
    const keys = Object.keys(o);
    const need = (key: string): string => {
      const s = text(o[key]);
      if (s === undefined) throw new CorrectionFileError(`${where}: "${key}" must be given as text`);
      return s;
    };
    const only = (...allowed: string[]) => {
      const extra = keys.filter((k) => !allowed.includes(k));
      if (extra.length) throw new CorrectionFileError(`${where}: "${extra[0]}" does not belong to this correction (it takes ${allowed.join(', ')})`);
    };
    if ('article' in o) {
      only('article', 'set');
      ops.push({ op: 'article', line, id: need('article'), set: fields(o.set, where) });
    } else if ('merge' in o) {
      only('merge');
      const ids = Array.isArray(o.merge) ? o.merge.map(text) : [];
      if (ids.length !== 2 || ids.some((x) => x === undefined)) throw new CorrectionFileError(`${where}: "merge" takes two article ids: [first, second]`);
      ops.push({ op: 'merge', line, ids: [ids[0]!, ids[1]!] });
    } else if ('split' in o) {
      only('split', 'before', 'set');
      ops.push({ op: 'split', line, id: need('split'), before: need('before'), set: fields(o.set, where) });
    } else if ('furniture' in o) {
      only('furniture');
      ops.push({ op: 'furniture', line, anchor: need('furniture') });
    } else if ('move' in o) {
      only('move', 'to');
      ops.push({ op: 'move', line, anchor: need('move'), to: need('to') });
    } else if ('headline_of' in o) {
      only('headline_of', 'text');
      ops.push({ op: 'headline_of', line, id: need('headline_of'), text: need('text') });
    } else {
      throw new CorrectionFileError(`${where}: unknown correction (one of article, merge, split, furniture, move, headline_of)`);
    }
  }
  return ops;
}
