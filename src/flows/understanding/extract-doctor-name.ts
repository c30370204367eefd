// The commonest Chinese surnames; a name must start with one, so "看医生" or "找个医生" is not a name.
const COMPOUND_SURNAMES = '欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|司徒|尉迟|公孙|夏侯'
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'

const CHINESE_DOCTOR = new RegExp(`((?:${COMPOUND_SURNAMES}|[${SURNAMES}])[\\u4e00-\\u9fff]{0,2}?)(?:医生|醫生|大夫|主任|教授|医师|醫師)`, 'u')
const ENGLISH_DOCTOR = /\b(?:[Dd]r\.?|[Dd]octor|[Dd]oc|[Pp]rof\.?|[Pp]rofessor)\s+([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+)?)/u
const NOT_NAMES = /^(who|the|a|an|my|your|on|at|in|for|about|today|tomorrow|please|appointment)$/iu

/** A doctor's name the patient mentions: "Dr. Li" → "Li", "李医生" → "李", "王明大夫" → "王明". */
export function extractDoctorName (text: string): string | null {
  const chinese = text.match(CHINESE_DOCTOR)
  if (chinese?.[1] !== undefined) return chinese[1]
  const english = text.match(ENGLISH_DOCTOR)
  const name = english?.[1]?.trim()
  if (name === undefined || NOT_NAMES.test(name.split(/\s+/u)[0] ?? '')) return null
  return name
}
