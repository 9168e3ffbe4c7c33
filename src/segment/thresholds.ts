/**
 * Every numeric threshold of the segmenter and its rules, by stage. Each says what it
 * separates and what it was measured on. For most no measurement is recorded: "set by hand"
 * says so, and names the sample file (content/raw/*.txt) whose artefact it was tuned against
 * where that is known. Two were measured (MARKDOWN_MEDIAN_WIDTH, COHESION). Lengths are in
 * UTF-16 code units (`string.length`) unless they say em (printed width: Han 1, the rest ½).
 *
 * Length limits written inside regular expressions (`{2,4}` Han characters of a name) stay in
 * their patterns: they describe the printed form, not a cut between two kinds of text.
 */

// ── decode (decode.ts) ─────────────────────────────────────────────────────────────────────

/** Bytes (and characters) of a file's start that encoding detection looks at: enough for any page, cheap for any file. */
export const DECODE_SAMPLE = 65536;
/**
 * NUL bytes above 1 in this many sampled bytes: the file may be UTF-16 without a BOM (ASCII and
 * many CJK code units hold a NUL byte). Set by hand; UTF-8 and GB18030 text holds none.
 */
export const UTF16_NUL_PER_BYTES = 50;
/**
 * UTF-16 puts its NUL bytes on one side: fewer than this share of them at even offsets says
 * UTF-16LE, more than the rest says UTF-16BE; in between they are binary data. Set by hand.
 */
export const UTF16_NUL_MINOR_SIDE = 0.25;
/**
 * NUL or control bytes above 1 in this many sampled bytes: binary data, not text; the same
 * share of bad characters in decoded UTF-16 makes it implausible. Set by hand.
 */
export const BINARY_BYTES_PER_BAD = 100;
/** Share of characters invalid in both UTF-8 and GB18030 above which the bytes are not text. Set by hand. */
export const UNDECODABLE_SHARE = 0.2;

// ── lines (lines.ts) ───────────────────────────────────────────────────────────────────────

/**
 * A lone leading space marks a page start only while such lines are few: at most this many,
 * or this share of the non-blank lines; more are paragraph indentation. Set by hand (in the
 * sample's column files 1–3 raw lines start with one space).
 */
export const PAGE_MARKS_MAX = 3;
export const PAGE_MARKS_MAX_SHARE = 0.05;
/** Lines either side looked at to tell whether lines around are spaced by blank lines (tight lines). Set by hand. */
export const TIGHT_RADIUS = 8;
/** Share of those neighbours that must have a blank line before them for a line with none to count as tight (a majority). */
export const TIGHT_SPACED_SHARE = 0.5;

/**
 * Lines from the first character of a signed name set in large letter-spaced type to its second
 * (spread-names.ts): pdftotext reads the name's two glyphs as lines of their own, the first under
 * the headline and the second among the body lines it sits beside. Measured on the development
 * set's pdftotext and pdfminer text: 2 to 272 lines apart (a lead essay's name beside its whole
 * first column), 40–45 for most; within one page only.
 */
export const SPREAD_NAME_WINDOW = 320;

// ── paragraphs (paragraphs.ts) ─────────────────────────────────────────────────────────────

/**
 * Lines of a head (kicker, headline, subtitle) looked through above a signed name to see that a
 * paragraph ended before them (headOverName). Set by hand: the development pages set at most three.
 */
export const HEAD_OVER_NAME_LINES = 3;

/**
 * Median printed line width (em) above which a file is Markdown-like (one line per paragraph)
 * rather than column-wrapped. Measured on the sample and 12 files of the synthetic bench
 * archive: column files 14.5–18 em, Markdown-like files 53.5–72 em.
 */
export const MARKDOWN_MEDIAN_WIDTH = 35;
/**
 * Lines either side whose widths give the local column width, and the percentile taken. Small
 * because columns differ within a page (a 10-em box beside a 21-em column in 001); set by hand.
 */
export const COLUMN_RADIUS = 5;
export const COLUMN_PERCENTILE = 0.7;
/** Lines either side whose blank-line gaps give the usual gap near a line. Set by hand. */
export const GAP_RADIUS = 8;
/**
 * A line within this many em of its column width fills it (continues its paragraph); a line
 * justified with inserted spaces (`发 布 信 息`) within the larger slack, since its width is
 * measured with the spaces removed. Set by hand on the sample's column files.
 */
export const FULL_SLACK = 1;
export const FULL_SLACK_SPACED = 4;
/**
 * A line short of its column by more than FULL_SLACK and at most this many em is a
 * paragraph's first line, set 2 em in. Set by hand (2 em indent, ½-em punctuation). Also the
 * tolerance either side of the column for the two pieces of a printed line cut before its
 * opening quote (paragraphs.ts, rules/first-line.ts runMeasure; MuPDF on the development pages).
 */
export const INDENT_SLACK = 3.5;
/**
 * A line wider than its column by this factor plus this margin (em) is display type set
 * across columns (a subtitle, a headline), never part of a column paragraph. Set by hand.
 */
export const OVERWIDE_FACTOR = 1.35;
export const OVERWIDE_MARGIN = 1;
/**
 * Lines either side of a line whose widest says how wide a line of this column can be set: a line
 * wider than all of them by FULL_SLACK and than its column by INDENT_SLACK, after a full line,
 * cut by a sentence end into a short line and a first line set in, is a paragraph's last line and
 * the next one's first, glued (pypdf). Measured on the typeset news pages and five seeds, each
 * split checked against the page's HTML: 18 paragraph breaks found and none made where none is;
 * with the column test alone 4 made, with this test alone 24 (MuPDF's and pdftotext's ragged
 * lines). No line of the sample or the development pages is split. The widest of those lines is
 * also the column an over-wide line is cut to when its column reads narrow among heads and notes
 * (news pypdf paragraph breaks 0.896 → 0.904). Set by hand.
 */
export const GLUED_PARAGRAPH_RADIUS = 3;
/**
 * Lines either side of a short closing line, printed between a line left open and its
 * continuation, searched for another line left open whose word runs into it: found, the closing
 * line is another column's paragraph end that the extractor printed in between (pdfminer's boxes
 * in turn, typeset news page 2: `…加紧生` / `欢迎。` / `产，…`, where `…尤其受` stands four lines
 * on; lines of the same page only, paragraphs.ts endsOtherColumn). Set by hand between the two
 * settings measured: every corpus scores the same at 4 and at 12.
 */
export const OTHER_COLUMN_RADIUS = 8;
/**
 * Share of a file's lines that end with a pause (，、；：) from which the file is read as pieces of
 * printed lines (paragraphs.ts): pdftotext -raw on the development pages' justified columns,
 * 0.32–0.49 of its lines; every other extractor's text of the development and news pages and the
 * sample, 0.00–0.11.
 */
export const PIECES_MIN_SHARE = 0.2;
/**
 * Lines a file needs before PIECES_MIN_SHARE is read at all: a short story's column ends a line at
 * a pause by chance as often as not (4 of 11 lines in the fixture headline-first-line-with-comma);
 * at 60 lines and the 0.11 of the other extractors, a fifth happens about once in a hundred files.
 */
export const PIECES_MIN_LINES = 60;
/**
 * Lines a bracket may stay open and keep its block going (`讯（记` / `者 陈鸿飞 …）`), counted from
 * the line it opened on (a closing credit's `（记者` at a long paragraph's end as young as a
 * dateline's): past it the bracket is a stray one and widths decide again. Set by hand.
 */
export const OPEN_BRACKET_MAX_LINES = 6;
/**
 * A headline set in a narrow box, as many characters a line (`韶山变民` / `生“实事` / `清单”为` /
 * `群众“幸` / `福账单”`, typeset news page 11, every extractor): at least this many lines in a row
 * of one length, none with sentence punctuation, are one display block, whether or not a word
 * runs across each break. Two lines of one length are as often a kicker of two phrases. Lines each
 * between one to COLUMN_GAP_ROWS + 1 blank lines count as a run too (pdftotext -layout gives each
 * line of large type a text line of its own: news `-layout` headlines 0.633 → 0.653, nothing else
 * moved on the news pages or seeds 11, 17, 19, 23).
 */
export const NARROW_HEAD_MIN_LINES = 3;
/**
 * …of three to this many characters a line (two a line are two vertical runs read side by side,
 * `通本` / `讯报`). On every corpus and extractor, the runs so found are the news pages' boxed
 * headlines (seven, in every extractor's text) and, in `pdftotext -raw` text of the development
 * pages, running text cut at quotation marks (six characters / a quoted term `“…”` / two), which joins
 * anyway. News pages pdftotext / pypdf / pdfminer / -raw headlines 0.651 / 0.739 / 0.725 / 0.820
 * → 0.698 / 0.804 / 0.725 / 0.840, kickers up, nothing down. At 7 (6 before, 6 December 2026), with a
 * box that wide taken only on four lines or three full ones (a kicker is as wide), a first line one
 * short before an opening quote and a closing quote hung past the edge: news pdftotext / MuPDF / -raw
 * headlines 0.826 / 0.942 / 0.942 → 0.848 / 0.962 / 0.962, the seeds' +0.23 summed, kickers and
 * subtitles up, no row of the sample or the development pages moved. The `-layout` column splitter
 * keeps its own limit (LARGE_TYPE_PIECE_MAX_CHARS).
 */
export const NARROW_HEAD_MAX_CHARS = 7;
/**
 * A headline glued after the last sentence of the line above a dateline (pypdf) is split off
 * only when at least this many characters stand before it: a shorter lead is a headline's own
 * `…。` (a quoted exclamation), not the end of a paragraph. Set by hand.
 */
export const GLUED_HEAD_LEAD_MIN_CHARS = 4;
/**
 * In Markdown-like text a line narrower than this (em) stands alone as a short block (a
 * headline, label or credit); a line at least this wide cut mid-sentence goes on in the next
 * line. Set by hand on the Markdown-like sample files (002, 004).
 */
export const MARKDOWN_SHORT_WIDTH = 30;
/**
 * A converter's line that joins a story's printed lines with spaces (splitJoinedLines): at least
 * JOINED_LINE_MIN_LINES pieces JOINED_LINE_MIN_EM wide or wider (a column line; names and
 * spaced-out characters are narrower), and a piece narrower than JOINED_LINE_SHORT_SHARE of the
 * column that ends a sentence ends its paragraph. Measured on pdf2md's text of the typeset news
 * pages (committed and seeds 3, 7, 13: column lines 17–54 em, mid-paragraph lines ≥ 0.85 of the
 * upper quartile bar one with figures, paragraph ends 0.05–0.6); no such line in the sample or
 * the development pages' text.
 */
export const JOINED_LINE_MIN_LINES = 4;
export const JOINED_LINE_MIN_EM = 10;
export const JOINED_LINE_SHORT_SHARE = 0.8;
/**
 * The quantile of those pieces' widths taken as the column (splitJoinedLines): high, since
 * first lines are indented and figures narrow, but below the widest piece. Set by hand on the
 * same text; COLUMN_PERCENTILE's 0.7 reads lines of several columns, this one story's.
 */
export const JOINED_LINE_COLUMN_QUANTILE = 0.75;

// ── rules (rules/*.ts) ─────────────────────────────────────────────────────────────────────

/**
 * A justified line (`发 布 信 息`) has at least this many single spaces between wide
 * characters, and at least this many such gaps per pair of wide characters set solid. Set by
 * hand: a headline with word spaces (`芦淞区:打好助企“组合拳” 梧桐枝茂产业兴`, 004) has one gap.
 */
export const SPACED_OUT_MIN_GAPS = 3;
export const SPACED_OUT_GAPS_PER_SOLID = 0.6;
/**
 * Characters either side of a cut read together to see whether a word runs across it
 * (`芦淞` + `区`): a Chinese word is rarely longer. Set by hand.
 */
export const CUT_WINDOW = 4;
/**
 * A title in `《…》` closes within this many characters, so a cut this far after its `《` can be
 * inside it (rules/continuation.ts): titles of laws and documents run to about 30
 * (`《中共中央关于全面推进依法治国若干重大问题的决定》`, 26). Set by hand.
 */
export const TITLE_MAX_CHARS = 40;
/** Display type (headline, kicker, subtitle, label) is at most this long; longer is running text. Set by hand. */
export const DISPLAY_MAX_CHARS = 48;
/** Display type is printed on at most this many lines. Set by hand. */
export const DISPLAY_MAX_LINES = 3;
/**
 * …unless every line is this narrow (em): a headline set in a column a few characters wide wraps
 * onto many lines (`衡阳县巡` / `特警：暖` / …, 4 em); running text is set wider (sample columns 11–20 em,
 * the development pages' 13–17, text round a picture 6 and more). Measured on all three sets.
 */
export const NARROW_HEADLINE_LINE_EM = 5;
/** A headline may hold one comma (`谋篇布局，绘就治污蓝图`) when at most this long; longer, it is text cut short. Set by hand. */
export const COMMA_HEADLINE_MAX_CHARS = 14;
/** A subtitle (`——…`) is at most this long. Set by hand. */
export const SUBTITLE_MAX_CHARS = 60;
/** A numbered subhead (`1 抓住关键 改革有力度`, `一、…`) is at most this long; longer is a numbered paragraph. Set by hand. */
export const NUMBERED_SUBHEAD_MAX_CHARS = 40;
/** A caption is at most this long; longer text ending in `摄` is a paragraph. Set by hand. */
export const CAPTION_MAX_CHARS = 120;
/**
 * A caption printed without a credit (rules/caption.ts isBareCaption) is one short line: between
 * these many characters. On every corpus, the one-sentence lines of this length at a story's end
 * or beside a caption are the news pages' two bare captions and running text cut short; set by hand.
 */
export const BARE_CAPTION_MIN_CHARS = 6;
export const BARE_CAPTION_MAX_CHARS = 24;
/** A byline standing alone (`记者/杨凌凌 通讯员/安蓉`, `…摄影报道`) is at most this long. Set by hand. */
export const BYLINE_MAX_CHARS = 80;
/** A dateline block (`…讯（记者 …）`) at most this long and without a sentence end is a dateline, not the story's first paragraph. Set by hand. */
export const DATELINE_MAX_CHARS = 60;
/** Names in a closing credit (`（魏龙元 黄柳英）`), and a byline that is one signed name, are at most this long (a Chinese name: 2–4 characters). */
export const CREDIT_NAME_MAX_CHARS = 4;
/**
 * A closing credit naming at least this many persons is taken even when some do not start
 * with a known surname; fewer must all look like names (`（石峰区）` is no credit). Set by hand.
 */
export const CREDIT_UNKNOWN_SURNAMES_MIN_NAMES = 3;
/** A signed name standing alone (`谢能武`) is at most this long. Set by hand. */
export const SIGNED_NAME_MAX_CHARS = 3;
/** Authors who sign one essay together on its name line (`吴 川 韩立坤`): rarely more than three. Set by hand. */
export const SIGNED_NAMES_MAX = 3;
/** A run of spaced single characters this short or shorter is one name (`谭 延 喜`). */
export const NAME_RUN_MAX = 3;
/** A tight line set under a headline at most this long is its subtitle (`近5年来，有100多名村（社区）干部成为…`). Set by hand (003). */
export const TIGHT_SUBTITLE_MAX_CHARS = 48;
/**
 * A word counts as a content word when nodejieba's IDF gives it more than this weight: common
 * words weigh less. Set by hand.
 */
export const CONTENT_WORD_MIN_IDF = 4;

/**
 * Lines of a page header an extractor may set apart on each side of its dated line (paper, page
 * number, section: absorbHeaderPieces). Set by hand: the typeset news pages print three.
 */
export const HEADER_PIECES_MAX = 3;
/**
 * Blocks either side of a dated header line among which another line of the page header is looked
 * for, to read a name beside the dated line as the paper's (absorbHeaderPieces). Set by hand: the
 * typeset news pages set a headline between the page-and-section line and the paper's name (news05).
 */
export const HEADER_NEAR_BLOCKS = 4;

/**
 * Characters of running text a byline glued to a story's first line must be followed by
 * (splitGluedByline): a name and a short remainder (`本报记者 王小明摄`) is left alone. Set by hand.
 */
export const GLUED_BYLINE_REST_MIN = 8;
/**
 * Han characters of display type glued after a story's last sentence that splitGluedDisplayTail
 * takes off the line. The glued kickers and headlines of pypdf's text on the typeset news pages
 * (committed and seeds 11–29) are 4–7 characters; shorter endings after a sentence in a wide line
 * were mostly sentences cut by the page (`老人约70`, `定期更`, in other extractors' text).
 */
export const GLUED_TAIL_MIN_CHARS = 4;
/**
 * How much narrower than its column (em) a line must be for splitGluedDisplayTail to read it as a
 * paragraph's last line with a one-line headline glued on, when no dateline follows. Measured: the
 * glued headline of seed 29's page 6 (pypdf) stands on a line 7.5 em short; a line of `-layout`
 * development text 3 em short holds a sentence's first words (a short sentence ending `。`, then a
 * name cut across the line end: `…。……` / `……`), whose words come again in the next line too.
 */
export const GLUED_TAIL_SHORT_EM = 4;

// ── assemble (assemble.ts) ─────────────────────────────────────────────────────────────────

/**
 * Lexical cohesion (weighted shared vocabulary) below which the text after a `##` line is a
 * new story rather than the same story continued. Measured on the sample: new stories 0.00–0.08,
 * subheads inside one story 0.10–0.23.
 */
export const COHESION = 0.09;
/**
 * In a file that prints a story's body before its head, a display group between two paragraphs is
 * the head of the story it closes only when the paragraphs either side share next to no vocabulary
 * (below this cohesion): there the paragraphs after it open another story. Crossheads of the
 * sample's long features have 0.026–0.234 (`医联体改革：让…`, `教育改革“三三五”工程：…`, `绿色发展
 * 培育新质生产力——…` with new matter under each); late heads on the typeset news pages of seven
 * seeds 0.000 for eleven of fourteen (`课后服务“加餐”更有味`, `祁东县公安局：…`), 0.020–0.021 for two
 * (`古村落保护利用取得新进展`, `云田镇拆除一处“卫片”违法建筑`, left crossheads), 0.143 for one. Set
 * under the sample's lowest crosshead.
 */
export const STORY_CHANGE_SIMILARITY = 0.01;
/** Paragraphs either side of a display group compared for cohesion. Set by hand. */
export const COHESION_PARAGRAPHS = 3;
/** Blocks looked back over for the last running text or display type before a group. Set by hand. */
export const HEAD_LOOKBACK_BLOCKS = 50;
/**
 * Caption text gathered above a caption's credit: a line longer than this is no caption line,
 * and a headline longer than HEADLINE_NOT_CAPTION_CHARS set with a blank line before it is a
 * headline, not caption text. Set by hand (`株 洲 生 态` … `张咪 摄` in 001).
 */
export const CAPTION_LINE_MAX_CHARS = 40;
export const HEADLINE_NOT_CAPTION_CHARS = 8;
/**
 * A caption's first line cut off from it (`正进行“后半篇文章”的` / `清水塘老工业区。…供图`)
 * is at most this long and on at most this many lines. Set by hand (001).
 */
export const CUT_CAPTION_LINE_MAX_CHARS = 24;
export const CUT_CAPTION_MAX_LINES = 2;
/** Blocks either side of a headline group whose paragraphs vote on splitting it by topic. Set by hand (000). */
export const SPLIT_NEARBY_BLOCKS = 60;
/** Only paragraphs at least this long vote: shorter ones share too few words to mean anything. Set by hand. */
export const SPLIT_VOTER_MIN_CHARS = 20;
/** A lone headline line at most this long above another headline is its kicker, not a headline of its own. Set by hand. */
export const KICKER_LINE_MAX_CHARS = 10;
/**
 * A paragraph votes for one of two grouped headlines when at least this share of the
 * headline's word weight occurs in it and it beats the other headline's share by the margin.
 * Set by hand on 000 (`东安县公安局：便民服务获好评` above `墙里墙外花都香`). The same two cut a group
 * whose first part reads of the running text before it and the rest of the text after it (assemble.ts
 * sideSplit; a vertical head printed after its body, over the next story's head): measured on the
 * news pages of seeds 0, 11, 17, 19 and 23, all extractors, with the sample and development set unchanged.
 */
export const SPLIT_VOTE_AFFINITY = 0.3;
export const SPLIT_VOTE_MARGIN = 0.25;
/**
 * A story's last paragraphs go on into the story after them (assemble.ts tailReadsOn) when at
 * least this share of their words (IDF-weighted) is in that story's first two paragraphs, and more
 * than twice the share in the story they stand in: `6月23日下午5时，…赵毅霖…` after a 新华社 brief,
 * `5分钟左右，赵毅霖来到…` in the next story (pypdf, seed 11 page 4: 0.23 against 0). Set by hand;
 * measured on the sample, the development pages and the news pages of six seeds (docs/segmenter.md,
 * twenty-fifth session).
 */
export const TAIL_READS_ON_MIN_AFFINITY = 0.2;
/**
 * …looking back over at most this many paragraphs from the story's end: such a tail is the next
 * story's first paragraph or two (seed 11 page 4: one), and the look back costs a pass over the
 * story's text per paragraph. Set by hand.
 */
export const TAIL_READS_ON_MAX_PARAGRAPHS = 3;
/** Votes each of two grouped headlines needs for the group to be split into two heads. Set by hand (000). */
export const SPLIT_MIN_VOTES = 2;
/** A headline line this short under a line at most HEADLINE_WRAP_PREV_CHARS long continues it (a tight pair). Set by hand. */
export const HEADLINE_WRAP_MAX_CHARS = 6;
export const HEADLINE_WRAP_PREV_CHARS = 12;
/**
 * A headline line this short set tight under another display line wraps it whatever that line's
 * length: no headline is one or two characters (`祁东县公安局：民警凌晨送失明老人` / `回家`, MuPDF,
 * pypdf, `-layout` and `-raw` on typeset news page 1, seed 19, read as kicker and headline). On the
 * five seeds headlines rose by 0.09 and kickers by 0.24 summed, with no row of any corpus down; three
 * characters is a headline's length (`新时代`).
 */
export const HEADLINE_WRAP_TAIL_CHARS = 2;
/**
 * Two display lines in one block are two parts of a head, not one headline wrapped, when each
 * holds at least HEAD_PARTS_MIN_CHARS characters and the shorter at least HEAD_PARTS_LENGTH_RATIO
 * of the longer (assemble.ts twoLineParts). A wrapped headline leaves a shorter rest. Measured on
 * the three corpora and five seeds: the same results for 6–10 characters and a ratio of 0.6–0.7
 * (development headlines +0.04, kickers +0.14; seeds' headlines +0.08, kickers +0.46 summed, no
 * row down); at 0.8 the seeds' pair `过去走路一身灰如今处处闻花香` / `西洞庭力推人居环境整治` (14 and 11) is lost.
 */
export const HEAD_PARTS_MIN_CHARS = 8;
export const HEAD_PARTS_LENGTH_RATIO = 0.7;
/**
 * …and whatever their ratio when the second line is longer than the first by more than this: a
 * wrapped line fills its line first, so its rest is never longer, but centred lines may differ by
 * a character or two. Measured on the three corpora and five seeds (6 December 2026): one pair
 * moves (news pdf2md, 17 and 28 characters: headlines +0.019, subtitles +0.091), the same from 0
 * to 8, lost at 12; no row of any corpus moves otherwise.
 */
export const HEAD_PARTS_WRAP_SLACK_CHARS = 2;
/**
 * A wrapped headline block whose lines are all this long or longer, within a character of one
 * another, goes on in a line as long set tight under it (assemble.ts wrapsInto). Measured on the
 * three corpora and five seeds (6 December 2026): seed 29's twelve-character box on six extractors
 * (headlines +0.143, kickers +0.365 summed), the same from 6 to 12, no other row moving; set at 8 as a
 * guess that a narrow box's short lines (`抓好农时不放松` over `冬春农业生产有` / `序推进`) are kept out.
 */
export const WRAPPED_BOX_MIN_CHARS = 8;
/**
 * A head wrapped over lines ends with a line at most this share of the widest line above it
 * (partEnded, rules/headline.ts): what follows is another part of the head in another size.
 * Measured on all three corpora (`npm run eval`): at 0.5 the news pages' pypdf kickers drop
 * 0.364 → 0.273 and `-layout` 0.143 → 0.071 (a kicker's last line half as wide is missed), at
 * 0.6 and 0.75 the same scores; 0.6 keeps a headline broken at a phrase a little shorter than
 * its first line in one piece.
 */
export const WRAPPED_LAST_LINE_SHARE = 0.6;
/**
 * A marked display line followed by a line of its size wider by more than this (em) is no
 * wrapped line (a wrap fills the measure): it is a head part of its own. One em is the slack of
 * a line's own width (digits and punctuation count half). On the pdf2md text of both corpora the
 * kicker lines it cuts off are 2–5 em narrower than their headlines.
 */
export const WIDER_LINE_EM = 1;
/**
 * A display line in plain text (no type sizes marked) over a line at least this much wider, tight
 * under it, is a head part of its own, not the first line of a wrapped headline: a headline wraps
 * at its measure, so its first line is the widest (`资兴市掀起农耕文化“研学热”`, 14 em, over the
 * subtitle `五岭农耕文明博物馆近三年接待研学师生近20万人次`, 23 em; pdfminer, seed 17). Measured on the
 * three corpora and four news seeds (paragraphs.ts): at 4 and at 6 em seed headlines +0.07 and
 * subtitles +0.41 summed, nothing else moved; at 2 em a paragraph's indented first line over a full
 * one is cut too (news boundaries −0.11 summed).
 */
export const WIDE_PART_EM = 4;
/**
 * …when that wider line is one of at most this many lines of its size: a head part, not running
 * text (an essay set in a size above the page's body type starts with a line a little narrower
 * than the next, and goes on for many lines: the development page of 2018-01-18).
 */
export const HEAD_PART_MAX_LINES = 2;
/**
 * A second display part at least this long (or holding a comma, or naming the report's kind)
 * explains: a subtitle, not a headline after a kicker. Set by hand on the sample at 16; measured
 * since (`npm run eval`). Once subtitles that name their kind (`…发展走笔`, `…之“产教融合”篇`,
 * `…述要`) were told by their words, 20 (7 December 2026, thirty-fifth session) gained on the
 * eye-checked development pages (headlines: MuPDF 0.887 → 0.906, `-raw` 0.894 → 0.915, pypdf
 * 0.962 → 0.981, pdf2md 0.925 → 0.943: a kicker over a headline of sixteen characters,
 * development page of 18 January) and moved no seed's headlines; 18 gives 20's headlines (two
 * kicker figures differ); 24 wins a headline of 20 on the seeds (`韶山变民生“实事清单”为群众“幸福账单”`)
 * and loses subtitles of 20–23 on the committed news pages and seed 31
 * (`解读高水平生态环境赋能高质量发展的“株洲样本”`). Length alone does not tell the two apart
 * (docs/segmenter.md).
 */
export const SUBTITLE_PART_MIN_CHARS = 20;

/**
 * The width, in em, of the full first line a headline wrapped across its box must have for one
 * line over it, wider still, to be read as set in smaller type (its kicker: assemble.ts
 * `wrappedNarrower`): it keeps out a head broken by an extractor into pieces of two or three glyphs,
 * which is no wrap. Measured on the sample, the development pages, the typeset news pages and the
 * seven seeds (7 December 2026): every row the same from 0 to 4 (vertical type, one glyph a line, is
 * kept out by the rule's shorter-last-line test); at 8 the seven-and-a-half-em box of
 * `韶山变民生“实事` / … (seed 11) is lost on five rows.
 */
export const WRAPPED_HEAD_MIN_WIDTH = 4;

/**
 * A kicker printed as two parallel phrases on two lines (two phrases of four characters; two of
 * seven, `既…` / `又…`) over a longer headline: each phrase at most this many characters, the two within
 * PARALLEL_PHRASE_SLACK of each other. 人民日报's two-line kickers are 4–7 characters a line; the
 * sample's and the news pages' headline parts over a subtitle are 9 or more (`家门口的新菜场开张了`).
 */
export const PARALLEL_PHRASE_MAX_CHARS = 8;
export const PARALLEL_PHRASE_SLACK = 2;
/** Bodies looked at for a headline: this many on the side the flavour prints bodies, one on the other. Set by hand. */
export const CANDIDATES_PRIOR = 4;
export const CANDIDATES_OTHER = 1;
/**
 * Score of a body for a headline: affinity plus these bonuses and a penalty per rank of
 * distance. A body on the side the flavour prints bodies gets PRIOR_SIDE_BONUS, and
 * ADJACENT_BONUS more when nothing stands between; in Markdown-like text the body right
 * under the headline gets OPENS_AFTER_BONUS. Set by hand until the sample's headlines found
 * their bodies; layout outweighs topic unless topic is clear.
 */
export const PRIOR_SIDE_BONUS = 0.3;
export const ADJACENT_BONUS = 0.2;
export const RANK_PENALTY = 0.05;
export const OPENS_AFTER_BONUS = 0.3;
/**
 * "Unless topic is clear": a headline whose words read of one body near it (affinity at least
 * CLEAR_TOPIC_LEAD) by CLEAR_TOPIC_LEAD more than of every other body near it (a lone candidate
 * counts as leading) gets CLEAR_TOPIC_BONUS for that body: PRIOR_SIDE_BONUS's worth, not the
 * adjacent or opens-after bonuses, so it wins a body on the far side outright where the file prints
 * bodies before heads, and only with a lead of about 0.5–0.7 where it prints them after. Without it
 * a body on the favoured side won over one the head reads of whole (`长沙消防救援又添生力军` /
 * `10个消防救援站集中驻队执勤`, printed after its story, took the next story under it, affinity 0.11
 * against 1.00: typeset news page 2, seed 23, four extractors). Measured on the sample, the
 * development pages (eight extractors), the committed news pages and seven seeds (eight
 * extractors), the lead at 0.3, 0.4, 0.5 and 0.6: at 0.4 the seeds' boundaries +0.60 summed over
 * 56 rows (+0.59 at the others) and headlines +0.40 (0.3: +0.35, 0.5: +0.19, 0.6: +0.16),
 * development pdftotext headlines 0.707 → 0.780 (0.3: 0.775; 0.5 and 0.6: 0.683), development
 * -layout headlines 0.913 at 0.4 and up (0.3: 0.891). The development gain rests on heads leading
 * by 0.4 to 0.5 on two pages. A bonus of 0.2 or 0.4 moved the seeds' boundaries by less than 0.03
 * either way. The sample is the same at every value.
 */
export const CLEAR_TOPIC_LEAD = 0.4;
export const CLEAR_TOPIC_BONUS = 0.3;
/**
 * A display line left at a story's end with no paragraph under it (repair.ts titleHeadlessStories)
 * is the headline of a headless story on its page when at least this share of its words' weight is
 * in that story's paragraphs. Measured on every corpus's text (development pages with all seven
 * extractors, news pages, seeds 11 and 17) it makes twelve moves, eleven right; 0.5 makes the same,
 * 0.4 two more, both wrong (a kicker's piece `建强村干部队伍` given to another village story, seeds 11
 * and 17, pypdf); 0.7 loses a right one (a nine-character headline, pdftotext -layout). The same share
 * lets a headline read as another story's kicker + headline go to a headless story
 * (partHeadsPrintedTogether), which also asks the kicker to read of its own story more.
 */
export const LATE_HEAD_MIN_AFFINITY = 0.6;
/**
 * A head with no more than this share of its words' weight in its own story's paragraphs reads
 * nothing of it: a stray (repair.ts moveStrayHeads), when a headless story of its page reads of it
 * (LATE_HEAD_MIN_AFFINITY). Set by hand; it moves 10 heads on the corpora and seeds 11, 17, 19, 23,
 * none on the development pages, and lowers no row.
 */
export const STRAY_HEAD_MAX_AFFINITY = 0.1;
/**
 * …and has at least this many characters: a shorter line left there is as often a kicker's piece
 * (`绿色消费`, pdftotext -layout on the development pages; their headlines run 8–20). Set by hand.
 */
export const LATE_HEAD_MIN_CHARS = 6;
/**
 * A head group votes for the side of it a file prints bodies on when its words' affinity to
 * the running text on one side beats the other by this much; smaller differences abstain.
 * Measured on the sample (every file keeps body-first), the development set and the typeset
 * news pages (browser-typeset pages print heads first).
 */
export const HEAD_SIDE_MARGIN = 0.2;
/** A body of more blocks than this is not split for a leftover headline (splitting is quadratic in its length). */
export const SPLIT_BODY_MAX_BLOCKS = 400;
/** Each part of a body split for a leftover headline holds at least this many characters. Set by hand. */
export const SPLIT_PART_MIN_CHARS = 40;
/** Affinity assumed for the other part when the body had no headline yet: neutral. Set by hand. */
export const SPLIT_NO_HEAD_AFFINITY = 0.5;
/** A leftover headline's part of a split body must hold at least this share of its word weight. Set by hand. */
export const SPLIT_MIN_AFFINITY = 0.25;
/** A kicker moves to another story on its page when it shares this much more of its word weight with that story. Set by hand (`高质量发展看资兴⑥`, 001). */
export const KICKER_MOVE_MARGIN = 0.3;
/** Stories either side of a caption's position looked at for it (a page without page marks may hold thousands). */
export const CAPTION_NEARBY_STORIES = 40;
/**
 * Affinity a story needs to take a caption by topic; below it the caption goes to the story
 * printed before it. Set by hand on the sample's captions.
 */
export const CAPTION_AFFINITY = 0.34;

/**
 * Head groups with a signed name on one page that make it a page of signed essays, where an unsigned
 * display group is a subhead (headGroupsPass). Set by hand; the development pages sign 3 to 6 pieces a
 * page, the sample's and the typeset news pages' news stories sign none (a commentary at most one).
 */
export const SIGNED_PAGE_MIN_HEADS = 2;

// ── repair (repair.ts) ─────────────────────────────────────────────────────────────────────

/** Paragraphs at least this long printed twice are a repeat (`为推进产业项目建设,…` in 004); shorter ones may recur by chance. Set by hand. */
export const REPEAT_MIN_CHARS = 12;
/** Paragraphs after a cut one looked through for its continuation (a text-box fragment). Set by hand (`…服务社30` / `个,…` in 004). */
export const STITCH_LOOKAHEAD = 8;
/**
 * Running blocks looked through for the rest of a block that stops mid-sentence (thread.ts). Two
 * stories interleaved block by block put the continuation two blocks on; a box between columns a
 * few more. Measured on the sample, the development set and the typeset news pages; at 8 (a whole
 * brief between a column's cut, seed 13) the sample's sentences fall 1.000 → 0.987 and development
 * pdftotext boundaries 0.590 → 0.537 (3 December 2026).
 */
export const THREAD_WINDOW = 4;
/**
 * Running blocks looked through past THREAD_WINDOW for a block that closes the quote or bracket a
 * cut leaves open (thread.ts): a page's worth. The one such continuation on the three corpora and
 * seven seeds stands six running blocks on (a title cut after the next story and the page's
 * footer, pdftotext on typeset news page 7, seed 23); a bound keeps a page that never ends (one
 * Markdown-like file without page marks) linear. Set by hand, as SPLIT_NEARBY_BLOCKS.
 */
export const THREAD_FAR_MAX_BLOCKS = 60;

/**
 * How far, in blocks of any kind, a headline's last character may be printed after it
 * (thread.ts lastGlyphsPrintedApart): `-layout` sets the rest of a row between them, another
 * column's head piece, dateline, subtitle and body (five blocks, `…加强针接` / … / `种`, typeset news
 * page 4, seed 29). Measured on the three corpora and five seeds (6 December 2026): the two
 * characters it finds apart (seeds 23 and 29, `-layout`) stand 2 and 5 blocks from their headline;
 * at 12 nothing more moves, so the limit only keeps the search on the rows near the headline.
 */
export const GLYPH_APART_MAX_BLOCKS = 6;
/**
 * A run printed after its story's end (thread.ts) goes back to that story when it holds at least
 * this share of the story's headline words. On the development pages the six right returns
 * (pdfminer) hold 0.56–1.00, the thirteen wrong ones (pdftotext, -layout, pdfminer: the next
 * story's opening, its head printed after it) 0.00–0.29; the typeset news pages have none.
 * The same share says when text under a head, before the dateline that opens its story, is the
 * column of the story whose headline it reads of (thread.ts columnsUnderOtherHeads): on the five
 * seeds' typeset news pages the runs it moves (pdftotext, 7) hold 0.56–1.00 of that headline and
 * 0.00–0.37 of their own head's; the runs left hold 0.00–0.36, or no more than of their own head
 * (a one-word section label, `教育`, read whole in its head's own story).
 */
export const THREAD_BACK_MIN_AFFINITY = 0.45;
/**
 * Such a run is at most this many blocks (thread.ts): on the development pages pdfminer's runs are
 * two or three paragraphs; a longer run after a credit is the next story, not an opening. Set by hand.
 */
export const THREAD_BACK_MAX_BLOCKS = 4;
/**
 * A run printed before a vertical head goes under it (thread.ts) when it holds at least this share
 * of that headline's words (and more than of the headline before it). On the three corpora and
 * four news seeds the nine runs moved hold 0.42–1.00 (pdfminer on the development pages, pdftotext
 * and -layout on seed 17); the runs left hold 0.00–0.13 of the head after them, or less than of the head before.
 */
export const EARLY_MIN_AFFINITY = 0.4;
/**
 * A signed name set level, printed after at most this many running blocks under a headline and
 * before more running text, goes up under that headline (thread.ts nameBelowHeadline). On the
 * development pages: 1 lifts the names `-layout` and pdfminer print after an essay's first
 * paragraph (eye-checked boundaries -layout 0.356 → 0.400, pdfminer 0.684 → 0.696); 2 those after
 * its second too (-layout 0.509, pdfminer 0.702; -raw 0.722 → 0.697, a page it reads as one long
 * essay either way); 3 takes names that sign other essays (pdfminer 0.678). The sample and news
 * pages have no such name: no row of theirs changes at 1, 2 or 3.
 */
export const NAME_LIFT_MAX_BLOCKS = 2;
/**
 * A story's opening found printed inside it (thread.ts) by a word of at least this many characters
 * run across the cut into the story's first text. On the three corpora and four news seeds the two
 * right moves (pdfminer, development pages) run `共产党` and `一代人` across; the one wrong one, into
 * a caption on a typeset news page (mutool, seed 11), `发白`.
 */
export const INSIDE_MIN_WORD = 3;
/**
 * A story's opening printed before its head joins that head's story when it holds at least this
 * share of the head's words (assemble.ts openingBeforeHead). On the development pages the joins
 * hold 0.45–1.00 (pdfminer, `-layout`); one right opening held 0.19 under a head with a body line
 * taken for its kicker, and stays apart. Set by hand.
 */
export const OPENING_MIN_AFFINITY = 0.25;

// ── keywords (keywords.ts) ─────────────────────────────────────────────────────────────────

/**
 * A place or organisation name is taught to nodejieba when the archive prints it at least this
 * often and it is this long (a single occurrence is as likely a stray match as a name). Set by hand.
 */
export const LEXICON_MIN_COUNT = 2;
export const LEXICON_MIN_CHARS = 3;
export const LEXICON_MAX_CHARS = 8;
/** Candidates taken from nodejieba's TF-IDF ranking before stop words and parts of speech are filtered. Set by hand. */
export const KEYWORD_CANDIDATES = 40;
/** Keywords per article: the Markdown contract's 5–8. */
export const KEYWORDS_MIN = 5;
export const KEYWORDS_MAX = 8;
/** A word nodejieba guessed (`x`, `nr`) is a keyword only when the article prints it this often. Set by hand (`占地约`). */
export const GUESSED_MIN_COUNT = 2;

// Layout text (`pdftotext -layout`: columns side by side on one line), read by layout-columns.ts.

/**
 * A gutter is at least this many cells wide; a single space is the gap of justified text (the
 * development pages' `-layout` text spaces out whole lines `加 宏 大 ，` one cell apart).
 */
export const GUTTER_MIN_CELLS = 2;
/**
 * …and at least this many lines tall. A run of spaces inside a column line (`…：     “…`,
 * up to 5 cells on the development pages) has text of the lines above and below over it, so its
 * empty strip is 1–3 lines tall (3 next to a paragraph's short last line and the next one's
 * indent); gutters between columns run the column's height. Measured with the segmenter on the
 * development and news pages' `-layout` text (`npm run eval`, COLUMN_SKIP_ROWS at 4): sentences
 * kept whole on the development pages 0.943 at 3, 0.944 at 4, 0.949 at 5, paragraph breaks
 * 0.961 / 0.964 / 0.969; the news pages the same for all three. A column whose lines are spaced
 * out (`中 国 特 色`, two cells a character) beside lines that are not has strips 5–8 lines tall
 * inside it, which cut words off its lines (a six-character phrase). Measured again on 4 December 2026
 * (twelfth session), development sentences / eye-checked boundaries / news boundaries: 5 gives
 * 0.952 / 0.602 / 0.870, 7 gives 0.957 / 0.602 / 0.870, 9 gives 0.960 / 0.602 / 0.870, 10 gives
 * 0.962 / 0.613 / 0.870, 11 gives 0.962 / 0.613 / 0.833, 12 gives 0.963 / 0.613 / 0.852, 16
 * gives 0.965 / 0.607 / 0.833: a short story's column on the news pages is 10–11 lines tall.
 * Kept at 5: at 9 the layout tests' briefs, columns of five lines side by side, are read as one
 * column (tests/layout-columns.test.ts), and a brief over two short columns is common on news
 * pages; telling such strips apart needs more than their height.
 */
export const GUTTER_MIN_ROWS = 5;
/**
 * Two pieces on lines one under the other belong to one column when their left edges are at
 * most this many cells apart: a paragraph's first line is indented 2–4 cells (news and
 * development pages); a centred subheading or a caption under a picture starts further in.
 * At 3 the development pages' 4-cell indents cut their columns (sentences 0.903 against 0.944);
 * 6 reads about the same as 4 (news boundaries 0.710 against 0.697).
 */
export const COLUMN_ALIGN_CELLS = 4;
/**
 * A column runs on across at most this many empty lines (the space a headline beside it or a
 * blank line of the extractor leaves); more, and what comes below is a new block. Measured
 * (`npm run eval`, news boundaries / news sentences / development sentences, the other
 * thresholds at 4): 1 gives 0.722 / 0.907 / 0.939, 2 gives 0.697 / 0.921 / 0.944, 3 gives
 * 0.582 / 0.898 / 0.946.
 */
export const COLUMN_GAP_ROWS = 2;
/**
 * …and across at most this many lines that hold text of other columns only: the extractor gives
 * each line its own text line, so where stories of different line pitch stand side by side, a
 * column's lines fall on every second or third text line. News sentences kept whole 0.879 at 2,
 * 0.921 at 4, 0.932 at 6, boundaries 0.698 / 0.697 / 0.704 (GUTTER_MIN_ROWS at 4; the
 * development pages 0.944 for all).
 */
export const COLUMN_SKIP_ROWS = 6;
/**
 * Lines of large type stacked in a narrow box (a headline four characters a line beside its story)
 * are one block across at most this many text lines of nothing in their strip (see
 * `joinStackedType`): `pdftotext -layout` gives each line of type a text line of its own, 2 to 19
 * lines apart on the typeset news pages and seeds 11, 17, 19, 23. News `-layout` headlines at 6 /
 * 10 / 14 / 20: 0.702 / 0.745 / 0.766 / 0.766 (0.653 without the rule), the seeds' alike
 * (seed 17 0.524 → 0.634 at 10 and after); boundaries 0.899 → 0.870 on the news pages, 0.650 →
 * 0.696 and 0.789 → 0.815 on seeds 11 and 23, 0.792 → 0.781 and 0.786 → 0.764 on seeds 17 and 19;
 * nothing on the development pages or the sample moved.
 */
export const STACKED_TYPE_MAX_GAP_ROWS = 14;
/**
 * Lines of a glyph, a space and a short line (`社 民生实` / `区 事看`), then glyphs alone, that make a
 * vertical headline beside a narrow box in poppler's default text (rules/vertical-beside.ts): at
 * least this many of each. Two, as a box of two lines is the shortest; one such line is a
 * name's spaced surname as often (`王 明远`). Set by hand.
 */
export const VERTICAL_BESIDE_MIN_LINES = 2;
/**
 * Two vertical lines side by side in poppler's default text (rules/vertical-pair.ts): a run with at
 * least this many rows of a glyph of each (`港 贸`) is taken apart. Two, as for VERTICAL_BESIDE_MIN_LINES:
 * one such row is a name's spaced surname as often. Set by hand.
 */
export const VERTICAL_PAIR_MIN_ROWS = 2;
/**
 * …and at most this many glyphs alone, each tried on either line (2^n splits, each cut by
 * nodejieba: 1,024 take about 40 ms). The runs parted on the seeds hold 3 and 6. Set by hand.
 */
export const VERTICAL_PAIR_MAX_ALONE = 10;
/** …at most this many rows: two lines of a headline's length, 24 glyphs each. Set by hand. */
export const VERTICAL_PAIR_MAX_ROWS = 48;
/**
 * …and at most this many splits tried in one file, all runs together: a file of a thousand such
 * runs took 188 s with no budget (every one a tie), 3.2 s with this one. Set by hand.
 */
export const VERTICAL_PAIR_FILE_TRIES = 2 ** 15;
/**
 * A cell of `-layout` text holds a line of vertical type (layout-columns.ts splitVerticalStrips)
 * when a glyph stands alone there on at least this many text lines: a vertical headline, kicker,
 * subtitle or signed name of the typeset news pages holds 4 to 30 glyphs. Measured on every corpus
 * and the seven seeds at 4, 5 and 7: the same scores but for seed 29's `-layout` boundaries
 * (0.771 at 4, 0.778 at 5 and 7). The lowest of the best, so that a short vertical kicker counts.
 */
export const VERTICAL_STRIP_MIN_GLYPHS = 5;
/**
 * …but not in a spaced-out line of running text (`甲 乙 丙 、丁 戊 己 、庚 辛`, the development
 * pages' `-layout` text): a stretch of the line with no two spaces in a row that holds at least
 * this many glyphs, at least half of them alone. Two or three vertical lines side by side give
 * 2–3 glyphs alone in such a stretch, with a signed name or a line of another column beside them
 * (`近 措 本报记者 陈鸿飞`). Set by hand; with no such test the development pages' `-layout`
 * boundaries fell 0.844 → 0.115 and their sentences 0.975 → 0.351 (every spaced-out column cut
 * into glyphs); nothing else moved.
 */
export const SPACED_LINE_MIN_GLYPHS = 6;
/**
 * Vertical lines at most this many cells apart, sharing text lines, are read together, from the
 * right (layout-columns.ts joinStrips): a kicker, its headline and a subtitle or a name set down
 * a story's side stand 2 to 4 cells apart in the typeset news pages' `-layout` text. Measured
 * at 2, 4 and 6: at 2 seed 19's `-layout` boundaries 0.870 → 0.844 and kickers fall on four rows;
 * at 6 a subtitle of seed 17 is lost; the rest alike.
 */
export const STRIP_NEIGHBOUR_CELLS = 4;
/**
 * A piece of a `-layout` line that may be a line of large type stacked in a narrow box
 * (`joinStackedType`): at most this many characters. At 7, as the narrow box of other text takes,
 * development `-layout` boundaries fell 0.649 → 0.618 (page 9 January: pieces of running text
 * seven characters wide stacked into a head); the news pages and seeds did not move.
 */
export const LARGE_TYPE_PIECE_MAX_CHARS = 6;
/**
 * A one-line block is a column's first line set apart (layout-columns.ts joinLoneOpenings) when
 * its characters differ from the median of the column's lines by at most this share of it: a
 * justified line of running text holds as many as the lines under it, a line of headline type
 * far fewer for its width. Set by hand; the two lines it joins on the development pages' `-layout`
 * text hold 18 and 30 characters against medians of 17 and 29.
 */
export const OPENING_LINE_CHARS = 0.15;

/**
 * A lone line beside a column's top is read as that column's vertical headline
 * (layout-columns.ts headBesideFirst) when it holds at least this many characters: a signed
 * name (2–4) or a page number beside a column is no headline. Set by hand; the development
 * pages' vertical headlines hold 9–15.
 */
export const VERTICAL_HEAD_MIN_CHARS = 6;

/**
 * Regions separated by at least this many empty lines are read one after the other before any
 * split into side-by-side parts: stories stacked on a page are set apart by 2–4 blank lines in
 * the `-layout` text of the development and news pages, lines within a story by at most 1.
 * At 3 the news pages' boundaries fall from 0.697 to 0.667 and their sentences from 0.921 to 0.907.
 */
export const REGION_GAP_ROWS = 2;
/**
 * …unless at least this many columns run on across the blank lines (same edges above and below):
 * then the blank lines are the extractor's (a line of other type size beside the columns), not
 * space between stories. A story below another opens with its headline, not a column's line.
 * Sentences kept whole, development / news: 0.948 / 0.918 at 1, 0.944 / 0.921 at 2, 0.937 / 0.921
 * at 3; one column alike above and below is weak evidence, two are not.
 */
export const CONTINUED_COLUMNS = 2;
/**
 * …or where everything over the blank lines stands in a strip at most this share of the region's
 * width and a column of it goes on under them (`stripRunsOn`): an essay set down the page's side
 * whose first lines stand alone at the page's top. Measured on the development and news pages'
 * `-layout` text: at 0.5 the development pages' boundaries 0.673 → 0.721 (eye-checked), no news or
 * seed row moves; at 0.4 and 0.6 the same, at 0.3 the page is missed again.
 */
export const STRIP_MAX_SHARE = 0.5;
/**
 * …where a block of that strip at least this many cells wide goes on in the block under it: a
 * column's line (the development pages' side essay: 42–46 cells); a vertical headline's glyphs, one
 * a line and two cells wide, are no column (`塔` / `封` over `顶`, typeset news page 10, seed 23).
 * The strip's left edge may stand in from the block's under it by as many cells: a paragraph's first
 * line, indented two characters (4 cells), on top of COLUMN_ALIGN_CELLS.
 */
export const STRIP_COLUMN_MIN_CELLS = 8;
export const STRIP_INDENT_MAX_CELLS = 8;
/**
 * Layout text is recognised when at least this share of the text lines are placed: cut in two
 * or more pieces at gutters, or starting PLACED_CELLS or more cells in (a column's line with the
 * columns on its left empty there). The development pages' `-layout` text: 0.95–1, the news
 * pages' 0.39–0.95; column-wrapped and Markdown-like text (the sample, every other extractor of
 * both corpora): 0.
 */
export const LAYOUT_SHARE = 0.2;
/** A line starting this many cells in is placed (LAYOUT_SHARE): no paragraph indent is that deep (2–4 cells). */
export const PLACED_CELLS = 6;
/** Files with fewer text lines than this are never taken for layout text: too little to measure. */
export const LAYOUT_MIN_LINES = 10;
/**
 * A page (the text between two `\f`) larger than this many cells, or longer than LAYOUT_MAX_ROWS
 * lines, is not measured: a page of `-layout` text is at most about 200 lines of 250 cells (the
 * development pages 125–160 lines of 190–216 cells); a bigger one is a long file of another
 * kind, and measuring it would cost time and memory for nothing.
 */
export const LAYOUT_MAX_CELLS = 1_000_000;
/** See LAYOUT_MAX_CELLS. */
export const LAYOUT_MAX_ROWS = 1000;
/**
 * Past this many column blocks on a page no columns are taken to run on across blank lines
 * (`runsOn`): comparing every block with every other would cost time that no page of a paper
 * needs. The development and news pages have at most 90 blocks; a random scatter of words over
 * 900 lines of 1000 cells is read in 1.5 s.
 */
export const LAYOUT_MAX_BLOCKS = 2000;
/**
 * Past this many blocks in a region its side-by-side parts are not searched for stories stacked
 * (`stackedSide`, which measures every run of parts from either side): the development and news
 * pages have at most 90 blocks, and a region of 400 is searched in well under a second.
 */
export const STACKED_SIDE_MAX_BLOCKS = 400;

/**
 * A paragraph's first line is indented by this many em (2 on the news and development pages): a
 * line boxed apart is the paragraph's first when it is at least the column's measure less this and
 * one em more, at most the measure (classify.ts, joinBoxedFirstLines). Measured on every corpus:
 * at 1 mutool's news boundaries 0.776 and sentences 0.929 (0.839 / 0.952 at 2), at 3 pdfminer's
 * news sentences 0.946 (0.949 at 2); pypdf's development boundaries 0.875 at 2 and 3, 0.883 at 1
 * (a first line joined the right way leaves a kicker that had hidden a headline's wrong pairing).
 * A line exactly this much narrower than the column (±0.5 em) over a full line is a first line
 * even when nothing runs on across the cut: development mutool boundaries 0.839 → 0.873, news
 * mutool 0.911 → 0.937, nothing down on any corpus or seed.
 */
export const FIRST_LINE_INDENT_EM = 2;
/**
 * …exactly that much narrower, within this many em either way, and the line under it as full as
 * the column within as much (rules/first-line.ts): widths are counted in half-em steps (punctuation,
 * digits), so 0.5 is one step. Set by hand; 0.75 gives the same figures on the three corpora.
 */
export const FIRST_LINE_EXACT_SLACK_EM = 0.5;
/**
 * …and at least this many characters long: a head part of a few characters over a narrow
 * column is not a paragraph's first line. Set by hand; on the three corpora 10 gives the same
 * figures, 6 takes a caption's line (news pdftotext headlines 0.756 → 0.733, captions 1.000 → 0.929).
 */
export const FIRST_LINE_EXACT_MIN_CHARS = 8;
/**
 * A line ending on a colon after a verb of saying is running text opening a quotation
 * (rules/headline.ts isDisplayLine) when it holds at least this many characters: shorter ones are
 * labels (`周末讲座：`, `小说连载：`). The shortest such running line on the development pages is
 * six characters long (a name, `曾说：`).
 */
export const COLON_QUOTE_MIN_CHARS = 6;
/**
 * A signed name over a boxed first line (rules/first-line.ts) is set on at most this many lines:
 * one glyph a line (`栾` / `平`, MuPDF on the development pages; names run to four glyphs). Set by hand.
 */
export const NAME_MAX_LINES = 5;
/**
 * A vertical run (one glyph a line) is a headline with its signed name (three glyphs) set on under it when the
 * glyphs before the name are at least this many (a 12-glyph headline + a three-glyph name, pdftotext -raw
 * on the development pages: headlines of 8–15 glyphs); a shorter run is a name or a short head. Set by hand.
 */
export const VERTICAL_HEAD_MIN_GLYPHS = 5;
/**
 * Lines read after a vertical headline for its first word used again: glyphs set apart over the
 * headline (a blank line after each) that spell a name are the headline's first word instead when
 * the story uses it (`黄` / `河` over `安澜入梦来`, then `黄河安澜是…`). A story's first paragraphs
 * name its subject within a column or two; a name that signs an essay is not in its text (栾平,
 * pdfminer on the development pages). Set by hand; the rule it bounds fires once over every
 * corpus and seed (6 December 2026).
 */
export const NAME_REUSE_LINES = 40;

/**
 * How much of a headless run's opening crosshead a story's headline and crossheads must hold for the
 * run to be that story's later section printed apart (repair.ts joinSectionsPrintedApart): the
 * development pages' three runs (pdftotext, 9, 11 and 15 January) score 0.25, 0.56 and 0.65 against
 * the lead essay's heads and 0 against every other story's; no run of the news pages or the sample
 * is headless and opens on a crosshead. Set by hand below the lowest.
 */
export const SECTION_MIN_AFFINITY = 0.2;

/**
 * Share of a file's Han characters that must change in simplified characters for the file to be
 * read through its simplified shadow (script.ts): of the 327 files of the sample, the development
 * pages' five extractors, the committed news pages and seeds 11 and 29 (all simplified), the most
 * changes 0.0023 of its Han characters (著 in 著名, …); each sample file in traditional characters
 * (opencc-js, mainland → Hong Kong) at least 0.337. Set between them, far from both.
 */
export const TRADITIONAL_MIN_SHARE = 0.05;
