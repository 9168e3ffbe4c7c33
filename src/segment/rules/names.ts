import { NAME_RUN_MAX } from '../thresholds.ts';
/**
 * Person names in credits. Newspapers pad two-character names to three cells
 * (`王　斌`), justified lines space every character (`谭 延 喜`), and line wraps cut a name
 * in two (`张` / `建平`). A list of common surnames tells where each name begins.
 */
const SINGLE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤易常温康施文牛樊葛邢安齐伍庞颜倪聂章柳鲁岳翟殷詹申欧耿关兰焦俞左柴甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柏景鲍谌晏刁宫巫应阳喻滕丰房卜简饶桂宾粟湛揭佘缪谈蒙米楚官巩商洪阎乔浦植瞿艾衡郁麦屈黄鄢危匡兰戚宗冷荆卓卞储伏敖宛於晁闵窦娄邬蔺阚隋钮禹苟雍郜佟穆褚桑姬牟蒲邰昝逄芮臧卫萧甄庄项祁岑邝栾虞茅鞠谯綦亢扈冀狄仇寇廉鄂贲丛傅' ;
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文', '端木'];

export function isSurname(s: string): boolean {
  return SINGLE_SURNAMES.includes(s[0]) || COMPOUND_SURNAMES.some((c) => s.startsWith(c));
}

/** Looks like a person's name: 2–4 Han characters beginning with a surname. */
export function looksLikeName(s: string): boolean {
  return /^[\u4e00-\u9fff]{2,4}$/u.test(s) && isSurname(s);
}

/**
 * Splits a run of single characters (`王 斌 徐 敏 谭 延 喜 肖 虹`) into names: each name
 * starts at a surname and takes two characters, or three when the third is not a surname
 * that could start the next name.
 */
function splitSingles(chars: string[]): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const rest = chars.length - i;
    if (rest <= NAME_RUN_MAX) {
      names.push(chars.slice(i).join(''));
      break;
    }
    // take three when the third char cannot start the next name
    const take = SINGLE_SURNAMES.includes(chars[i + 2]) ? 2 : 3;
    names.push(chars.slice(i, i + take).join(''));
    i += take;
  }
  return names;
}

/**
 * Two names closed up (`吴寒梅李璇`, four to six characters): cut where the second name's surname
 * is the commoner (the list runs from the commonest), `吴寒梅` + `李璇` rather than `吴寒` + `梅李璇`;
 * four characters are two names of two (`赵敏周丽`) unless a compound surname leads (`欧阳明远`).
 */
function splitClosedUp(t: string): string[] {
  const chars = [...t];
  const rank = (k: number) => (isSurname(chars.slice(k).join('')) ? SINGLE_SURNAMES.indexOf(chars[k]!) : Infinity);
  const cuts = (chars.length === 5 ? [2, 3] : chars.length === 4 ? [2] : [3]).filter((k) => rank(k) < Infinity);
  if (cuts.length === 0) return [t];
  const k = cuts.sort((a, b) => rank(a) - rank(b))[0]!;
  return [chars.slice(0, k).join(''), chars.slice(k).join('')];
}

/**
 * Splits a credited name list into person names. `lines` are the list as printed, one entry
 * per raw line, so a name cut by a line wrap can be mended.
 */
export function splitNames(lines: string[]): string[] {
  const tokens: { t: string; lineStart: boolean }[] = [];
  for (const line of lines) {
    line
      .split(/[\s、，,；;]+/u)
      .filter((t) => t !== '')
      .forEach((t, k) => tokens.push({ t, lineStart: k === 0 }));
  }
  const names: string[] = [];
  let singles: string[] = [];
  const flush = () => {
    if (singles.length) names.push(...splitSingles(singles));
    singles = [];
  };
  tokens.forEach(({ t, lineStart }, k) => {
    if ([...t].length === 1) {
      // `钟一` at a line end + `苇` alone at the next line start, the list's last or before a name of
      // its own (`…谭延` / `喜 肖虹）`, a closing credit wrapped: typeset news page 8, seed 23): one name
      // cut by the wrap
      const prev = names[names.length - 1];
      // (never a role's glyph, `文` / `图` / `摄`, at the line's start: `…李四` / `文 王五`)
      const nextName = (tokens[k + 1] === undefined || [...tokens[k + 1]!.t].length >= 2) && !/^[文图摄]$/u.test(t);
      if (lineStart && nextName && singles.length === 0 && prev !== undefined && tokens[k - 1]?.t === prev && [...prev].length === 2) {
        names[names.length - 1] = prev + t;
        return;
      }
      singles.push(t);
      return;
    }
    // `张` at a line end + `建平` at the next line start: one name cut by the wrap
    if (lineStart && singles.length > 0 && [...t].length === 2 && k > 0) {
      const last = singles.pop() as string;
      flush();
      names.push(last + t);
      return;
    }
    flush();
    // five or six characters with no separator are two names closed up (`吴寒梅李璇`: the extractor
    // dropped the space); a transliterated name keeps its `·`
    if ((/^[\u4e00-\u9fff]{5,6}$/u.test(t) || (/^[\u4e00-\u9fff]{4}$/u.test(t) && !COMPOUND_SURNAMES.some((c) => t.startsWith(c)))) && isSurname(t)) names.push(...splitClosedUp(t));
    else names.push(t);
  });
  flush();
  return names.filter((n) => /^[\u4e00-\u9fff·]{2,6}$/u.test(n));
}
