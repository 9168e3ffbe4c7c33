import type { Credit } from '../types.ts';
import { findPublication, parseCredits } from './credits.ts';

export interface Dateline {
  publication?: string;
  /** The date as printed, spaces removed: `6月25日`. */
  date?: string;
  credits: Credit[];
}

/**
 * The dateline that opens a news story: `湖南日报·新湖南客户端 6 月 25 日讯（记者 … 通讯员 …）`,
 * `株洲日报·掌上株洲讯(记者/谢嘉 通讯员/周媛 钟一苇) 11月23日,…`. `rawLines` are the block's
 * printed lines, so padded names in the brackets split right.
 */
export function parseDateline(text: string, rawLines: string[]): Dateline | null {
  const head = /^[\u4e00-\u9fff·]{2,24}?(?:\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*讯(?!员)/u.exec(text);
  if (!head) return null;
  const raw = rawLines.join('\n');
  const bracket = /讯\s*[（(]([^（）()]{2,120})[）)]/u.exec(raw);
  const credits = bracket ? parseCredits(bracket[1].split('\n')) : [];
  const dateInHead = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(head[0]);
  const after = text.slice(head[0].length).replace(/^\s*[（(][^（）()]*[）)]/u, '');
  const dateInLead = /^\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(after) ?? /(?:^|[，,])\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(after.slice(0, 40));
  const d = dateInHead ?? dateInLead;
  return {
    publication: findPublication(text),
    date: d ? `${d[1]}月${d[2]}日` : undefined,
    credits,
  };
}
