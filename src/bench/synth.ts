/**
 * A deterministic synthetic archive for the benchmark (scripts/bench.ts): N raw page files
 * recombined from the sample's pages, in both extraction flavours, with the sample's own
 * artefacts (column wraps, justified `发 布 信 息` lines, padded names, page marks) kept as they
 * are and file-level artefacts added (GB18030, CRLF + BOM, U+3000 spaces, blank lines removed).
 *
 * Pure: sample texts and a seed in, file names and bytes out; the same input gives the same
 * archive byte for byte. To give the site and the index a realistic spread of names, places
 * and numbers (not 30 articles repeated), each file renames the sample's people, places and
 * publications consistently within the file and redraws long numbers.
 */
import { toLines } from '../segment/lines.ts';
import { detectFlavour } from '../segment/paragraphs.ts';
import type { Flavour } from '../segment/types.ts';
import { encodeGb18030, removeBlankLines, spacesToIdeographic, toCrlf } from '../segment/eval/variants.ts';
import { prng } from '../util/prng.ts';

export interface SampleFile {
  name: string;
  /** Decoded text of the raw file. */
  text: string;
  /** People credited in the file (gold annotations): renamed in the synthetic files. */
  people?: string[];
}

/** One page of a sample file: the unit the generator recombines. */
export interface SamplePage {
  flavour: Flavour;
  /** The page's lines, the page mark (a lone leading space) removed from the first. */
  lines: string[];
  source: string;
}

export interface SynthOptions {
  files: number;
  seed?: number;
  /** Share of column-flavour files (the rest are Markdown-like); default: the sample's share. */
  columnShare?: number;
}

export interface SynthFile {
  name: string;
  bytes: Uint8Array;
  flavour: Flavour;
  variant: Variant;
  /** Sample pages it was built from (`<file>#<page>`). */
  pages: string[];
}

export type Variant = 'utf-8' | 'gb18030' | 'crlf+bom' | 'ideographic-spaces' | 'no-blank-lines';

export { prng };

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

/** k distinct items of list, in random order. */
function sample<T>(rand: () => number, list: readonly T[], k: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, Math.min(k, copy.length));
}

// ---------------------------------------------------------------------------------------------
// Splitting the sample into pages

/** The sample's pages, in file order, each tagged with its file's flavour. */
export function samplePages(files: SampleFile[]): SamplePage[] {
  const out: SamplePage[] = [];
  for (const f of files) {
    const text = f.text.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n');
    const lines = toLines(text);
    if (lines.length === 0) continue;
    const flavour = detectFlavour(lines);
    const raw = text.split('\n');
    // page marks as lines.ts reads them: cut the raw lines where a page starts
    const starts = lines.filter((l, i) => i > 0 && l.pageStart).map((l) => l.no - 1);
    const bounds = [0, ...starts, raw.length];
    for (let p = 0; p + 1 < bounds.length; p++) {
      const pageLines = raw.slice(bounds[p], bounds[p + 1]);
      if (p > 0) pageLines[0] = pageLines[0].replace(/^ /u, '');
      while (pageLines.length && pageLines[pageLines.length - 1].trim() === '') pageLines.pop();
      if (pageLines.some((l) => l.trim() !== '')) out.push({ flavour, lines: pageLines, source: `${f.name}#${p + 1}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Renaming people, places, publications; redrawing numbers

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国红梅文斌波宁飞云海峰林琳雪倩颖婷晨阳浩宇欣怡佳琪思远志诚嘉慧晓东春秋冬雨露凌逸峰蓉媛珂星虹延喜龙元柳'];
/** Two-character stems for synthetic places (县, 镇, 乡, 村): drawn in pairs from these. */
const PLACE_CHARS = [...'云田石桥龙泉白马青山金华湘江安仁平茶陵炎攸渌醴荷塘芦淞天元石峰雁峰珠晖蒸湘南岳祁东常宁耒阳衡山永兴桂阳宜章汝城嘉禾临武新田宁远道江蓝山江华双牌东安零陵冷水滩新化涟源冷江双峰娄星溆浦辰溪麻阳芷江洪江会同靖州通道沅陵'];
const PUBLICATIONS = ['株洲日报', '湘潭日报', '衡阳日报', '岳阳日报', '常德日报', '邵阳日报', '益阳日报', '郴州日报'];
const SAMPLE_PUBLICATIONS = ['株洲日报', '湖南日报'];
const PLACE = /([\u4e00-\u9fff]{2})(县|镇|乡|村)(?![\u4e00-\u9fff]?[级委])/gu;

function personName(rand: () => number, length: number): string {
  let s = pick(rand, SURNAMES);
  while ([...s].length < length) s += pick(rand, GIVEN);
  return s;
}

/** Replace `name` (also with its characters padded by spaces, `王 斌`) everywhere in text. */
function replaceName(text: string, name: string, by: string): string {
  const chars = [...name];
  const byChars = [...by];
  if (chars.length !== byChars.length) return text.split(name).join(by);
  const padded = new RegExp(chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('( {0,3})'), 'gu');
  return text.replace(padded, (...m: string[]) => byChars.map((c, i) => c + (i < byChars.length - 1 ? m[i + 1] : '')).join(''));
}

interface Renames {
  people: Map<string, string>;
  places: Map<string, string>;
  publication: string;
}

function mutate(text: string, r: Renames, rand: () => number): string {
  let out = text;
  for (const [from, to] of r.people) out = replaceName(out, from, to);
  out = out.replace(PLACE, (m, stem: string, suffix: string) => {
    const to = r.places.get(stem);
    return to ? to + suffix : m;
  });
  for (const p of SAMPLE_PUBLICATIONS) if (p === '株洲日报') out = out.split(p).join(r.publication);
  // numbers of three or more digits redrawn, the first digit kept; years stay 2000–2029
  const digit = (max = 10) => String(Math.floor(rand() * max));
  out = out.replace(/\d{3,}/gu, (m) =>
    m.length === 4 && /^(19|20)/u.test(m) ? `20${digit(3)}${digit()}` : m[0] + Array.from({ length: m.length - 1 }, () => digit()).join(''),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// The archive

const hex = (rand: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');

/**
 * The synthetic archive, one file at a time (so that N = 10,000 never sits in memory).
 * Column files take 2–4 distinct sample pages of that flavour (the page mark restored between
 * them), Markdown-like files 1–2 whole Markdown pages; most files are UTF-8 with LF, some
 * GB18030, CRLF with a BOM, U+3000 spaces or (column files) without blank lines.
 */
export function* synthArchive(sampleFiles: SampleFile[], opts: SynthOptions): Generator<SynthFile> {
  const pages = samplePages(sampleFiles);
  const column = pages.filter((p) => p.flavour === 'column');
  const markdown = pages.filter((p) => p.flavour === 'markdown');
  if (pages.length === 0) throw new Error('synthArchive: the sample has no text');
  const columnShare = opts.columnShare ?? (markdown.length === 0 ? 1 : column.length === 0 ? 0 : 0.6);
  const people = [...new Set(sampleFiles.flatMap((f) => f.people ?? []))].filter((n) => [...n].length >= 2).sort();
  const stems = [...new Set(sampleFiles.flatMap((f) => [...f.text.matchAll(PLACE)].map((m) => m[1])))]
    .filter((s) => !/[全各该本个两多一和在的为是了与及对到乡村县镇区市省、，。“”]/u.test(s))
    .sort();
  const width = Math.max(3, String(opts.files - 1).length);
  // a newsroom: a roster of reporters and photographers, a few of them prolific (drawn skewed)
  const rosterRand = prng(((opts.seed ?? 1) ^ 0x5bd1e995) >>> 0);
  const roster = new Map<number, string[]>();
  const fromRoster = (rand: () => number, length: number) => {
    let list = roster.get(length);
    if (!list) roster.set(length, (list = [...new Set(Array.from({ length: 1500 }, () => personName(rosterRand, length)))]));
    return list[Math.floor(list.length * rand() ** 2)];
  };
  for (let i = 0; i < opts.files; i++) {
    const rand = prng(((opts.seed ?? 1) * 0x9e3779b1 + i * 0x85ebca77) >>> 0);
    const flavour: Flavour = rand() < columnShare && column.length ? 'column' : markdown.length ? 'markdown' : 'column';
    const pool = flavour === 'column' ? column : markdown;
    const count = flavour === 'column' ? 2 + Math.floor(rand() * 3) : 1 + Math.floor(rand() * 2);
    const chosen = sample(rand, pool, count);
    const renames: Renames = {
      people: new Map(people.map((n) => [n, fromRoster(rand, [...n].length)])),
      places: new Map(stems.map((s) => [s, pick(rand, PLACE_CHARS) + pick(rand, PLACE_CHARS)])),
      publication: pick(rand, PUBLICATIONS),
    };
    const parts = chosen.map((p, k) => {
      const lines = [...p.lines];
      // a page after the first is marked by a lone leading space (column flavour only)
      if (k > 0 && flavour === 'column') lines[0] = ` ${lines[0].trimStart()}`;
      return lines.join('\n');
    });
    let text = mutate(parts.join(flavour === 'column' ? '\n' : '\n\n'), renames, rand) + '\n';
    const roll = rand();
    let variant: Variant = 'utf-8';
    if (roll < 0.1) variant = 'gb18030';
    else if (roll < 0.2) variant = 'crlf+bom';
    else if (roll < 0.25) variant = 'ideographic-spaces';
    else if (roll < 0.3 && flavour === 'column') variant = 'no-blank-lines';
    let bytes: Uint8Array;
    switch (variant) {
      case 'gb18030':
        bytes = encodeGb18030(text);
        break;
      case 'crlf+bom':
        bytes = new TextEncoder().encode(`\ufeff${toCrlf(text)}`);
        break;
      case 'ideographic-spaces':
        bytes = new TextEncoder().encode(spacesToIdeographic(text));
        break;
      case 'no-blank-lines':
        text = removeBlankLines(text);
        bytes = new TextEncoder().encode(text);
        break;
      default:
        bytes = new TextEncoder().encode(text);
    }
    yield {
      name: `${String(i).padStart(width, '0')}_${hex(rand, 16)}.txt`,
      bytes,
      flavour,
      variant,
      pages: chosen.map((p) => p.source),
    };
  }
}
