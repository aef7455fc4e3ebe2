// The text the scanner reads: traditional characters and full-width forms folded to the simplified,
// half-width ones the word tables are written in, one character for one, so every offset into the
// folded text is the same offset into the original (raw and metric are cut from the original).

const TRADITIONAL =
  '萬万億亿內内爭争確确達达為为長长減减噸吨畝亩標标準准個个項项臺台輛辆時时裡里點点總总額额實实現现與与並并於于' +
  '開开設设從从將将產产業业間间處处兩两約约餘余戶户張张場场條条類类種种棟栋頃顷價价動动進进續续築筑務务體体' +
  '線线網网園园學学醫医療疗衛卫環环級级規规範范圍围質质優优廣广擴扩穩稳維维過过幾几費费資资節节電电氣气發发' +
  '機机構构農农村村鎮镇戰战略略區区縣县鄉乡經经濟济貿贸銷销億亿劃划邊边華华車车路路鐵铁軌轨島岛寬宽舊旧單单' +
  '覆覆蓋盖積积萬万糧粮隻只數数碼码綠绿創创強强專专職职業业績绩歲岁陸陆臨临險险層层灣湾橋桥誌志';
const FULL_WIDTH = '０0１1２2３3４4５5６6７7８8９9％%．.～~－-＋+';

const MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const table of [TRADITIONAL, FULL_WIDTH]) {
    const chars = Array.from(table);
    for (let i = 0; i + 1 < chars.length; i += 2) {
      const from = chars[i];
      const to = chars[i + 1];
      if (from !== undefined && to !== undefined && from !== to) map.set(from, to);
    }
  }
  return map;
})();

/** The text with traditional characters and full-width forms folded; the same length as the input. */
export function foldText(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    const to = MAP.get(ch);
    if (to !== undefined) changed = true;
    out += to ?? ch;
  }
  return changed ? out : text;
}
