// Traditional -> simplified (plus a few Cantonese function words) for every character the Chinese rules use (and a few common
// neighbours in patient messages). One-to-one pairs only: characters that are also ordinary
// simplified characters with another meaning (著, 乾, 幹, 了/瞭) are left alone and handled in
// the patterns instead (活[着著]). tests/flows/guards checks that the rules' characters are covered.
const PAIRS = [
  '專专東东丟丢兩两嚴严個个為为爲为舉举麼么麽么義义買买產产産产親亲褻亵從从們们會会傷伤體体側侧',
  '兒儿關关內内農农衝冲沖冲凍冻減减幾几劃划則则剛刚創创刪删別别製制劑剂劇剧辦办務务動动勁劲區区',
  '醫医協协單单賣卖衛卫歷历曆历厲厉壓压廁厕雙双發发髮发變变隻只臺台號号後后嗎吗嘔呕員员週周嚨咙',
  '諮咨啞哑脣唇噴喷嚕噜團团睏困壞坏塊块堅坚墜坠聲声處处備备復复複复頭头姦奸婦妇媽妈嬰婴學学寶宝',
  '對对尋寻歲岁島岛佈布師师帶带幫帮應应開开異异強强錄录懷怀態态總总惡恶驚惊戶户纔才託托揚扬擾扰',
  '護护報报掛挂換换據据搖摇敵敌數数斷断無无時时曬晒暈晕機机殺杀雜杂權权來来鬆松極极槍枪樣样橋桥',
  '檢检樓楼橫横慾欲殘残毀毁氣气沒没洩泄淚泪潑泼潔洁灑洒澆浇塗涂湧涌溫温濕湿滿满灘滩靈灵點点燒烧',
  '燙烫熱热爺爷現现電电暢畅療疗瘋疯癢痒癇痫癱瘫癲癫碼码禍祸種种積积筆笔係系繫系緊紧紅红約约鈕纽',
  '紐纽紹绍經经結结繞绕給给絞绞統统繼继綿绵聯联膚肤腎肾腫肿脅胁膠胶髒脏臟脏腦脑腳脚臉脸脫脱節节',
  '薦荐藥药蟲虫蝦虾蠻蛮蟄蛰蝸蜗裝装見见規规視视覺觉觸触討讨讓让記记講讲設设訪访評评識识訴诉診诊',
  '詞词話话詢询該该誤误說说請请誰谁調调談谈謝谢貝贝貴贵費费資资賠赔車车轉转軟软輕轻較较輩辈邊边',
  '過过還还這这進进裡里裏里針针鈣钙錢钱鐵铁銀银銷销鏡镜長长門门閉闭問问間间悶闷陽阳陰阴隱隐難难',
  '霧雾黴霉頂顶項项預预頸颈顆颗題题風风飛飞餓饿驗验騷骚驟骤鮮鲜齒齿齦龈癥症麵面弔吊喫吃實实擔担',
  '痙痉攣挛',
  // Cantonese function words, so "叫唔醒" and "冇反應" read like the Mandarin rules.
  '唔不冇没咗了佢他嘅的'
].join('')

const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  Array.from({ length: PAIRS.length / 2 }, (_, index) => [PAIRS[index * 2] as string, PAIRS[index * 2 + 1] as string])
)

/** Maps the traditional characters the rules need to their simplified forms. */
export function toSimplified (text: string): string {
  return Array.from(text, (character) => TRADITIONAL_TO_SIMPLIFIED.get(character) ?? character).join('')
}

/** The reverse mapping (first traditional form), used by tests to write traditional variants. */
export function toTraditional (text: string): string {
  const reverse = new Map<string, string>()
  for (const [traditional, simplified] of TRADITIONAL_TO_SIMPLIFIED) if (!reverse.has(simplified)) reverse.set(simplified, traditional)
  return Array.from(text, (character) => reverse.get(character) ?? character).join('')
}
