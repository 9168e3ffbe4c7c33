/**
 * The typed trees that flow through Baoku's segmenter, in pipeline order:
 *   bytes → DecodedText → SourceLine[] → Block[] → ClassifiedBlock[] → Article[] → Markdown
 * Every stage is a pure function of the previous tree; I/O lives in scripts/.
 */

/** Stage 0 — decoding: which encoding the bytes were in, and the text. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';
  /** Lines (1-based) where undecodable bytes were replaced by U+FFFD. */
  damagedLines: number[];
}

/**
 * One line of the text as the line stages read it, before the line model: its text and the line of
 * the file it comes from (1-based). Text laid out like the page is re-ordered into such lines
 * (layout-columns.ts), and two vertical lines side by side are parted into them (vertical-pair.ts,
 * vertical-beside.ts).
 */
export interface PlacedLine {
  no: number;
  text: string;
  /** A paragraph's first line, set in by an indent from the line under it in its column. */
  setIn?: boolean;
}

/** Stage 1 — one visual line of the raw file. */
export interface SourceLine {
  /** 1-based line number in the raw file. */
  no: number;
  /** The line as decoded, with U+3000/NBSP turned into plain spaces and line ends removed. */
  raw: string;
  /** Trimmed text with the Markdown heading marker removed. */
  text: string;
  /** Markdown-like `#`/`##` level, 0 when the line is not a heading. */
  heading: number;
  /** Number of blank lines directly before this line. */
  blanksBefore: number;
  /**
   * Set with no blank line before it where the lines around have one: headline, subtitle and
   * caption lines sit together like this. Always false in text without blank lines.
   */
  tight: boolean;
  /** True when the line starts a new newspaper page (a lone leading space in column-wrapped text). */
  pageStart: boolean;
  /** Page number (1-based) inside the raw file. */
  page: number;
  /** True when spaces were inserted between most CJK characters (justified line). */
  spacedOut: boolean;
  /**
   * Printed width in em after removing inserted spaces: Han = 1, punctuation, digits, Latin = 0.5.
   * The second piece of a printed line cut before its opening quote carries the whole line's
   * width from the paragraph stage on (rules/quote-cut.ts).
   */
  width: number;
  /**
   * A paragraph's first line, set in by an indent from the line under it, in text laid out like
   * the page (`pdftotext -layout`): the cells give the indent that the widths of other text only guess.
   */
  setIn?: boolean;
  /** Markdown hard break: the line ended with two spaces, the next line belongs to it. */
  hardBreak: boolean;
  /** A paragraph ends here: a converter joined the printed lines of several (splitJoinedLines). */
  paragraphEnd?: boolean;
  /** A paragraph's first line the extractor boxed apart from the rest (rejoinBoxedFirstLines): it goes on in the next line. */
  boxedFirst?: boolean;
}

export type Flavour = 'column' | 'markdown';

/** Stage 2 — a paragraph re-joined from one or more lines, or a short line standing alone. */
export interface Block {
  lines: SourceLine[];
  /** Text with the extraction spacing repaired for running text. */
  text: string;
  /** Text that keeps single spaces between CJK runs (headline parts, name lists). */
  display: string;
  page: number;
  first: number;
  last: number;
  /** The block is one short line: a headline, label, caption line or paragraph end. */
  short: boolean;
  /** Ends with sentence-final punctuation. */
  terminal: boolean;
  /** Markdown heading level of its first line, 0 when none. */
  heading: number;
  /** One line set far wider than the column around it: display type across columns. */
  overwide?: boolean;
  /**
   * Cut from the marked display block before it where a wrapped part ended (partEnded): the
   * same head in another type size (`## 长沙消防救援又添生` / `## 力军` | `## 10个消防` …).
   */
  resized?: boolean;
  /**
   * Display type set in a narrow box, as many characters a line over three lines or more
   * (`韶山变民` / `生“实事` / …): the page's largest type, the headline of its head.
   */
  boxed?: boolean;
  /**
   * The second of two stories' heads parted from one run of glyphs set down the page (assemble.ts
   * twoVerticalHeadsPass): it opens a head of its own, never wraps the part before it.
   */
  secondHead?: boolean;
}

export type BlockKind =
  | 'body'
  | 'headline'
  | 'kicker'
  | 'subtitle'
  | 'subhead'
  | 'byline'
  | 'credit'
  | 'dateline'
  | 'caption'
  | 'sidebar-label'
  | 'furniture';

export type Role = '记者' | '通讯员' | '作者' | '摄影';

export interface Credit {
  name: string;
  role: Role;
}

export interface Caption {
  text: string;
  credit?: string;
}

/** Stage 3 — a block with the part it plays on the page. */
export interface ClassifiedBlock extends Block {
  kind: BlockKind;
  credits?: Credit[];
  publication?: string;
  dateline?: string;
  /** A dateline opens this block: the first paragraph of a news story. */
  opensStory?: boolean;
  caption?: Caption;
}

export interface BodyItem {
  kind: 'paragraph' | 'subhead';
  text: string;
}

/** Stage 4 — one article as the editors laid it out. */
export interface Article {
  id: string;
  title: string;
  kicker?: string;
  subtitle?: string;
  authors: string[];
  photographers: string[];
  credits: Credit[];
  /** Credit lines as printed (`株洲日报·掌上株洲记者/杨凌凌 通讯员/安蓉`, `（魏龙元 黄柳英）`). */
  bylines: string[];
  captions: Caption[];
  publication?: string;
  dateline?: string;
  /** Who the author of a signed essay is, from its note (`（作者为…）` → `…`). */
  affiliations?: string[];
  /** The issue date the page header prints (ISO), never a date from the text. */
  issue_date?: string;
  /** The paper's page number the page header prints (not the page's index in the file: source.page). */
  page?: number;
  /** The section (版名) the page header prints. */
  section?: string;
  keywords: string[];
  /**
   * Where the article is in its raw file: `lines` spans its first to its last line; `ranges` are
   * the lines that are its own (its blocks, the blank lines between them included), which never
   * hold another article's line; `caption_ranges` the lines of its captions, wherever printed.
   * From a PDF (src/pdf/segment.ts) the lines are those of its text layer, and `bbox` is the
   * article's region on the page: [left, top, right, bottom] in PDF points from the top-left corner.
   */
  source: { file: string; page: number; lines: [number, number]; ranges?: [number, number][]; caption_ranges?: [number, number][]; bbox?: [number, number, number, number] };
  body: BodyItem[];
}

export interface ReportEntry {
  lines: [number, number];
  text: string;
  reason: string;
}

export interface Warning {
  line?: number;
  message: string;
}

/** What the segmenter says about one raw file: every character not in an article is here. */
export interface FileReport {
  file: string;
  /** How the file was read: a text encoding, `pdf` (its text layer, src/pdf/), or `skipped`. */
  encoding: DecodedText['encoding'] | 'pdf' | 'skipped';
  flavour?: Flavour;
  pages: number;
  articles: number;
  /** Text kept out of articles: page furniture, unassigned fragments. */
  unassigned: ReportEntry[];
  /** Paragraphs printed twice; the later copy is kept in its article. */
  duplicates: ReportEntry[];
  /** Decisions taken with low confidence (headline assigned by keyword overlap, stitched fragments). */
  decisions: ReportEntry[];
  warnings: Warning[];
  /** Characters dropped as pure typography: the dash that opens a subtitle (`——`). */
  typography: string;
}

export interface SegmentResult {
  articles: Article[];
  report: FileReport;
}
