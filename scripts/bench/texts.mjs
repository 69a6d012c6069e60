// Deterministic benchmark texts, generated on the fly (nothing stored): prose, code, Chinese, degenerate runs.
// Each kind is built from a seeded PRNG, so every process that asks for (kind, seed) gets the same text.

export const MB = 1024 * 1024;

/** Text kinds with their target size in UTF-8 bytes and whether they are degenerate (one huge pre-token). */
export const KINDS = {
  english: { label: 'English prose', bytes: MB, degenerate: false },
  code: { label: 'source code', bytes: MB, degenerate: false },
  chinese: { label: 'Chinese', bytes: 200 * 1024, degenerate: false },
  repeated: { label: 'one repeated char', bytes: MB, degenerate: true },
  spaces: { label: 'spaces', bytes: MB, degenerate: true },
  base64: { label: 'base64', bytes: MB, degenerate: true },
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the of and to in a is that for it as was with be by on not he I this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will more can out up what about into than ' +
  'them some could time only other new people my may then these two do first any like now over such our man me even ' +
  'most made after also did many before must through back years where much your way well down should because each ' +
  'just those how too little state good very make world still own see men work long get here between both life being ' +
  'under never day same another know while last might us great old year off come since against go came right used ' +
  'take three place house themselves few during without again home around small however found thought went say part ' +
  'once general high upon school every does got united left number course war until always away something fact water ' +
  'though less public put think almost hand enough far took head yet government system better set told nothing night ' +
  'end why called find look asked later point knew city next program business give group toward young days let room ' +
  'president side social given present several order national possible rather second face per among form important ' +
  'often things looked early white case john become large big need four within felt along children saw best church ' +
  'ever least power development light thing seemed family interest want members mind country area others done turned'
).split(' ');
const SYLLABLES =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi tra tre str pl gr ch sh th ing ion ent ous'.split(
    ' ',
  );
const CHINESE =
  '的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感见明问力理尔点文几定本公特做外孩相西果走将月十实向声车全信重三机工物气每并别真打太新比才便夫再书部水像眼等体却加电主界门利海受听表德少克代员许稜先口由死安写性马光白或住难望教命花结乐色更拉东神记处让母父应直字场平报友关放至张认接告入笑内英军候民岁往何度山觉路带万男边风解叫任金快原吃妈变通师立象数四失满战远格士音轻目条呢病始达深完今提求清王化空业思切怎非找片罗钱南语元喜曾离飞科言干流欢约各即指合反题必该论交终林请医晚制球决传画保读运及则房早院量苦火布品近坐产答星精视五连司巴奇管类未朋且婚台夜青北队久乎越观落尽形影红爸百令周吧识步希亚术留市半热送兴造谈容极随演收首根讲整式取照办强石古华拿计您装似足双妻尼转诉米称丽客南领节衣站黑刻统断福城故历惊脸选包紫争另建维绝树系伤示愿持千史谁准联妇纪基买志静阿诗独复痛消社算义竟确酒需单治卡幸兰念举仅钟怕共毛句息功官待究跟穿室易游程号居考突皮哪费倒价图具刚脑永歌响商礼细专黄块脚味灵改据般破引食仍存众注笔甚某沉血备习校默务土微娘须试怀料调广苏显赛查密议底列富梦错座参八除跑亮假印设线温虽掉京初养香停际致阳纸李纳验助激够严证帝饭忘趣支春集丈木研班普导顿睡展跳获艺六波察群皇段急庭创区奥器谢弟店否害草排背止组州朝封睛板角况曲馆育忙质河续哥呼若推境遇雨标姐充围案伦护冷警贝著雪索剧啊船险烟依斗值帮汉慢佛肯闻唱沙局伯族低玩资屋击速顾泪洲团圣旁堂兵七露园牛哭旅街劳型烈姑陈莫鱼异抱宝权鲁简态级票怪寻杀律胜份汽右洋范床舞秘午登楼贵吸责例追较职属渐左录丝牙党继托赶章智冲叶胡吉卖坚喝肉遗救修松临藏担戏善卫药悲敢靠伊村戴词森耳差短祖云规窗散迷油旧适乡架恩投弹铁博雷府压超负勒杂醒洗采毫嘴毕九冰既状乱景席珍童顶派素脱农疑练野按犯拍征坏骨余承置臓彩灯巨琴免环姆暗换技翻束增忍餐洛塞缺忆判欧层付阵玛批岛项狗休懂武革良恶恋委拥娜妙探呀营退摇弄桌熟诺宣银势奖宫忽套康供优课鸟喊降夏困刘罪亡鞋健模败伴守挥鲜财孤枪禁恐伙杰迹妹藸遍盖副坦牌江顺秋萨菜划授归浪听凡预奶雄升碃编典袋莱含盛济蒙棋端腿招释介烧误';
const CN_PUNCT = '，，，，。。、；：？！“”';

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function syntheticWord(rand) {
  let w = '';
  const n = 2 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) w += pick(rand, SYLLABLES);
  return w;
}

function untilBytes(target, next) {
  const parts = [];
  let bytes = 0;
  while (bytes < target) {
    const s = next();
    parts.push(s);
    bytes += Buffer.byteLength(s);
  }
  return parts.join('');
}

/** Cuts a string to at most `bytes` UTF-8 bytes without splitting a character. */
function cutToBytes(text, bytes) {
  const buf = Buffer.from(text);
  if (buf.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

function english(rand, bytes) {
  let sentences = 0;
  return cutToBytes(
    untilBytes(bytes, () => {
      const n = 5 + Math.floor(rand() * 20);
      const words = [];
      for (let i = 0; i < n; i++) {
        const r = rand();
        let w = r < 0.08 ? syntheticWord(rand) : r < 0.1 ? String(Math.floor(rand() * 2000)) : pick(rand, COMMON);
        if (rand() < 0.03) w = w[0].toUpperCase() + w.slice(1);
        if (rand() < 0.02) w += pick(rand, ["'s", "n't", "'ll"]);
        if (i < n - 1 && rand() < 0.08) w += pick(rand, [',', ',', ';', ':']);
        words.push(w);
      }
      if (rand() < 0.05) words.splice(1, 0, '"' + pick(rand, COMMON), pick(rand, COMMON) + '"');
      let s = words.join(' ');
      s = s[0].toUpperCase() + s.slice(1) + pick(rand, ['.', '.', '.', '.', '?', '!']);
      sentences++;
      return s + (sentences % (3 + Math.floor(rand() * 5)) === 0 ? '\n\n' : ' ');
    }),
    bytes,
  );
}

function identifier(rand, upper = false) {
  const parts = [];
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const w = rand() < 0.6 ? pick(rand, COMMON) : syntheticWord(rand);
    parts.push(i === 0 && !upper ? w : w[0].toUpperCase() + w.slice(1));
  }
  return parts.join('');
}

function code(rand, bytes) {
  const stmt = (ind) => {
    const r = rand();
    const a = identifier(rand);
    const b = identifier(rand);
    if (r < 0.2) return `${ind}const ${a} = ${b}.${identifier(rand)}(${Math.floor(rand() * 100)}, '${pick(rand, COMMON)}');\n`;
    if (r < 0.35) return `${ind}if (${a} !== undefined && ${a}.length > ${Math.floor(rand() * 64)}) {\n${ind}  return ${b};\n${ind}}\n`;
    if (r < 0.5) return `${ind}for (let i = 0; i < ${a}.length; i++) ${b}[i] += ${a}[i] * ${(rand() * 10).toFixed(2)};\n`;
    if (r < 0.6) return `${ind}// ${pick(rand, COMMON)} ${pick(rand, COMMON)} ${syntheticWord(rand)} ${pick(rand, COMMON)}\n`;
    if (r < 0.7) return `${ind}this.${a} = { ${b}: ${Math.floor(rand() * 1e5)}, name: "${identifier(rand)}", ok: ${rand() < 0.5} };\n`;
    if (r < 0.8) return `${ind}await ${a}.${b}?.(${identifier(rand)} ?? null);\n`;
    if (r < 0.9) return `${ind}${a} = [${Array.from({ length: 4 }, () => Math.floor(rand() * 1000)).join(', ')}].map((x) => x << 2);\n`;
    return `${ind}throw new Error(\`${pick(rand, COMMON)} \${${a}} ${pick(rand, COMMON)}\`);\n`;
  };
  return cutToBytes(
    untilBytes(bytes, () => {
      const cls = identifier(rand, true);
      let s = `\n/** ${pick(rand, COMMON)} ${pick(rand, COMMON)} ${syntheticWord(rand)}. */\nexport class ${cls} extends ${identifier(rand, true)} {\n`;
      const methods = 1 + Math.floor(rand() * 4);
      for (let m = 0; m < methods; m++) {
        s += `  ${rand() < 0.3 ? 'async ' : ''}${identifier(rand)}(${identifier(rand)}: ${pick(rand, ['string', 'number', 'boolean', cls])}): void {\n`;
        const n = 2 + Math.floor(rand() * 6);
        for (let i = 0; i < n; i++) s += stmt('    ');
        s += '  }\n';
      }
      return s + '}\n';
    }),
    bytes,
  );
}

function chinese(rand, bytes) {
  return cutToBytes(
    untilBytes(bytes, () => {
      const n = 8 + Math.floor(rand() * 24);
      let s = '';
      for (let i = 0; i < n; i++) {
        const r = rand();
        if (r < 0.03) s += String(Math.floor(rand() * 1000));
        else if (r < 0.04) s += pick(rand, COMMON);
        else if (r < 0.12 && i > 2) s += pick(rand, CN_PUNCT.slice(0, 6));
        else s += CHINESE[Math.floor(CHINESE.length * rand() * rand())];
      }
      return s + pick(rand, ['。', '。', '？', '！', '。\n']);
    }),
    bytes,
  );
}

function base64(rand, bytes) {
  const raw = Buffer.alloc(Math.ceil((bytes * 3) / 4) + 3);
  for (let i = 0; i < raw.length; i++) raw[i] = Math.floor(rand() * 256);
  return raw.toString('base64').slice(0, bytes);
}

/** The text of a kind for a seed (the degenerate kinds are the same for every seed). */
export function makeText(kind, seed = 1) {
  const rand = mulberry32(seed * 7919 + kind.length);
  const { bytes } = KINDS[kind];
  switch (kind) {
    case 'english':
      return english(rand, bytes);
    case 'code':
      return code(rand, bytes);
    case 'chinese':
      return chinese(rand, bytes);
    case 'repeated':
      return 'a'.repeat(bytes);
    case 'spaces':
      return ' '.repeat(bytes);
    case 'base64':
      return base64(rand, bytes);
    default:
      throw new Error(`unknown text kind ${kind}`);
  }
}
