/**
 * Issue facts from a raw file's path under the input folder (`source.file`). Newspaper archives
 * are usually saved in one of a few shapes, and only these are read (docs/dates.md):
 *
 *   人民日报/2018-01-22/07.txt      paper folder / date folder / page file
 *   株洲日报/2021/06/14/p2.txt      paper folder / year / month / day / page file
 *   2021/06/14/p2.txt               the same without the paper
 *   rmrb2018012207.txt              abbreviation + YYYYMMDD + page (rmrb2018012207.pypdf.txt too)
 *   株洲日报20210614第02版.txt       paper + YYYYMMDD + 第NN版
 *   人民日报_2018-01-22_07.txt       paper, date and page joined by _ - or a space
 *
 * A date must be a real calendar day; a name that only holds digits somewhere (a hash, a serial
 * number such as `000_9b41f1c6617766a6.txt`) says nothing. A paper is named in Chinese
 * characters, or by one of the abbreviations in PAPER_ABBREVIATIONS.
 */
import { isoDate, type IssueFacts } from './facts.ts';

/** Pinyin abbreviations archives use in file names (人民日报图文数据库: rmrb…). */
export const PAPER_ABBREVIATIONS: Readonly<Record<string, string>> = {
  rmrb: '人民日报',
  rmrbhwb: '人民日报海外版',
  gmrb: '光明日报',
  jjrb: '经济日报',
  jfjb: '解放军报',
  zgqnb: '中国青年报',
  hnrb: '湖南日报',
  zzrb: '株洲日报',
};

const HAN_NAME = /^[\p{Script=Han}·]{2,16}$/u;

/** A paper's name from a folder name or a name prefix: Chinese characters, or a known abbreviation. */
function paperName(s: string): string | undefined {
  const t = s.trim();
  if (HAN_NAME.test(t)) return t;
  return PAPER_ABBREVIATIONS[t.toLowerCase()];
}

/** `2018-01-22`, `2018_01_22`, `2018.01.22` or `20180122` as a whole string → ISO date. */
function wholeDate(s: string): string | undefined {
  const m = /^(\d{4})([-_.]?)(\d{2})\2(\d{2})$/u.exec(s);
  return m ? isoDate(Number(m[1]), Number(m[3]), Number(m[4])) : undefined;
}

/** A page file's name: `07`, `p2`, `P02`, `page7`, `第2版`, `02版`, `A07` is not one (a lettered section). */
function pageNumber(s: string): number | undefined {
  const m = /^(?:第|p|page|版)?[-_ ]?0*(\d{1,3})版?$/iu.exec(s);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 ? n : undefined;
}

/** The file name without `.txt` and without an extractor's suffix (`rmrb2018010207.pypdf`). */
function stem(base: string): string {
  const noTxt = base.replace(/\.txt$/iu, '');
  return noTxt.replace(/(?:\.[A-Za-z][A-Za-z0-9-]*)+$/u, '');
}

/** Name → paper + date + page in one: `rmrb2018012207`, `株洲日报20210614第02版`, `人民日报_2018-01-22_07`. */
const COMPACT =
  /^(?<paper>[\p{Script=Han}·]{2,16}|[A-Za-z]{2,10})?[-_ ]?(?<y>\d{4})(?<sep>[-_.]?)(?<m>\d{2})\k<sep>(?<d>\d{2})(?:[-_ ]?(?:第|p|P|page)?0*(?<page>\d{1,3})版?)?$/u;

/** Issue facts a path states; {} when its shape is none of the documented ones. */
export function issueFromPath(file: string): IssueFacts {
  const parts = file.split('/').filter(Boolean);
  if (parts.length === 0) return {};
  const base = stem(parts[parts.length - 1]);
  const folders = parts.slice(0, -1);

  // 1. the file name holds the date (and perhaps the paper before it and the page after it)
  const c = COMPACT.exec(base);
  if (c?.groups) {
    const date = isoDate(Number(c.groups.y), Number(c.groups.m), Number(c.groups.d));
    if (date) {
      const page = c.groups.page ? Number(c.groups.page) : undefined;
      const paper = c.groups.paper ? paperName(c.groups.paper) : nearestPaper(folders);
      return { ...(paper ? { paper } : {}), issue_date: date, ...(page && page >= 1 ? { page } : {}) };
    }
  }

  // 2. the file's own folder is the date (`2018-01-22`), or its last three are (`2021/06/14`)
  const n = folders.length;
  let date = n >= 1 ? wholeDate(folders[n - 1]) : undefined;
  let above = n - 1;
  if (!date && n >= 3 && /^\d{4}$/u.test(folders[n - 3]) && /^\d{1,2}$/u.test(folders[n - 2]) && /^\d{1,2}$/u.test(folders[n - 1])) {
    date = isoDate(Number(folders[n - 3]), Number(folders[n - 2]), Number(folders[n - 1]));
    above = n - 3;
  }
  if (date) {
    const page = pageNumber(base);
    const paper = nearestPaper(folders.slice(0, above));
    return { ...(paper ? { paper } : {}), issue_date: date, ...(page ? { page } : {}) };
  }
  return {};
}

/** The closest folder above that names a paper. */
function nearestPaper(folders: string[]): string | undefined {
  for (let i = folders.length - 1; i >= 0; i--) {
    const p = paperName(folders[i]);
    if (p) return p;
  }
  return undefined;
}
