import { z } from 'zod'

import { DEPARTMENT_CODES, type DepartmentCode } from '../triage-vocabulary.ts'

/**
 * Symptom wording → department, reviewed like the corpus. Bump the version on every change; eval
 * reports print it. Weights: strong 3 (names the specialty: 乙肝, 癫痫, 月经), typical 2 (a symptom
 * usually seen there), weak 1 (a hint). Chinese phrases are literal with "*" = short gap in one clause
 * (疼 is folded to 痛 before matching); English phrases are regex sources on word boundaries.
 */
export const SYMPTOM_DEPARTMENTS_VERSION = '2026-11-18.1'

type WeightedPhrases = { strong?: string[], typical?: string[], weak?: string[] }
type DepartmentPhrases = { zh: WeightedPhrases, en: WeightedPhrases }

const TABLE: Partial<Record<DepartmentCode, DepartmentPhrases>> = {
  emergency: {
    zh: { strong: ['昏迷', '不省人事', '大出血', '血流不止', '心跳骤停', '没有呼吸'] },
    en: { strong: ['unconscious', 'unresponsive', 'not breathing', 'bleeding heavily', 'cardiac arrest'] }
  },
  general_medicine: {
    zh: { typical: ['体检', '开药', '复诊开药', '全身酸痛', '浑身酸痛', '晕车', '晕船', '浑身没劲', '没劲', '全身无力'], weak: ['发烧', '发热', '感冒', '乏力', '没精神', '全身不舒服', '着凉', '低烧', '疫苗', '打针'] },
    en: { typical: ['check-?up', 'physical exam', 'repeat prescription', 'general health', 'body aches', 'motion sickness', 'car ?sick'], weak: ['fever', 'cold', 'flu', 'tired', 'fatigue', 'feeling unwell', 'vaccin(e|ation)'] }
  },
  cardiology: {
    zh: {
      strong: ['心慌', '心悸', '心绞痛', '早搏', '房颤', '高血压', '血压高', '降压', '冠心病', '心肌', '心梗', '心衰', '心律', '心脏病', '心动过速', '心动过缓', '心电图', '心脏', '先心病', '心功能', '动脉硬化', '血压'],
      typical: ['胸闷', '胸痛', '胸口痛', '胸口闷', '心跳', '支架', '低血压', '血脂', '胆固醇', '心口', '搭桥', '主动脉'],
      weak: ['下肢水肿', '脚肿', '气短', '胸口', '血管']
    },
    en: {
      strong: ['palpitations?', 'blood pressure', 'hypertension', 'arrhythmia', 'angina', 'heart attack', 'racing heart', 'irregular heartbeat', 'heart (disease|failure|condition|problem)', 'cardiac', 'ecg', 'ekg', 'atrial fibrillation', 'afib'],
      typical: ['chest (pain|tightness|pressure)', 'heart', 'cholesterol', 'stents?', 'heart ?beat'],
      weak: ['swollen ankles']
    }
  },
  respiratory: {
    zh: {
      strong: ['咳嗽', '咳痰', '气喘', '哮喘', '肺炎', '支气管', '慢阻肺', '肺结节', '咯血', '咳血', '百日咳', '肺气肿', '胸腔积液', '肺部', '肺功能', '呼吸科'],
      typical: ['咳', '痰', '气短', '呼吸困难', '喘不上气', '憋气', '肺', '胸片', '喘', '上呼吸道', '呼吸道', '感冒', '着凉', '受凉'],
      weak: ['呼吸', '胸闷', '发烧', '发热', '流感']
    },
    en: {
      strong: ['cough(ing|s)?', 'phlegm', 'sputum', 'wheez(e|ing|y)', 'asthma', 'pneumonia', 'bronchitis', 'copd', 'chest infection', 'lungs?', 'inhaler'],
      typical: ['short(ness)? of breath', 'breathless(ness)?', 'trouble breathing', 'difficulty breathing', 'hard to breathe', '(a|the|common) cold', 'flu', 'chesty'],
      weak: ['fever']
    }
  },
  gastroenterology: {
    zh: {
      strong: ['胃痛', '胃*痛', '胃胀', '腹胀', '腹泻', '拉肚子', '便秘', '反酸', '烧心', '嗳气', '肠炎', '胃炎', '胃溃疡', '幽门螺杆菌', '胃镜', '肠镜', '消化不良', '胃病', '肠胃', '胃肠', '十二指肠', '反流', '返流', '肠易激', '胃口', '拉稀', '胃酸', '结肠炎', '消化'],
      typical: ['胃', '恶心', '呕吐', '打嗝', '肠', '大便', '便血', '食欲', '不想吃饭', '腹痛', '肚子痛', '肚子*痛', '息肉', '胰腺', '吐了', '干呕', '想吐', '黑便', '肚子胀', '吃不下'],
      weak: ['肚子', '口臭', '吞咽', '腹部', '饭后', '吃饭', '吐']
    },
    en: {
      strong: ['diarrh(o)?ea', 'constipat(ed|ion)', 'acid reflux', 'reflux', 'heartburn', 'bloat(ed|ing)', 'indigestion', 'gastritis', 'ibs', 'endoscopy', 'colonoscopy', 'h\\.? ?pylori', 'bowel', 'stomach (ache|pain|cramps?|hurts)'],
      typical: ['stomach', 'tummy', 'belly', 'abdominal', 'nause(a|ous)', 'vomit(ing|ed)?', 'throw(ing)? up', 'threw up', 'ulcer', 'colon', 'stools?', 'poop'],
      weak: ['gas', 'burping', 'appetite', 'hiccups?']
    }
  },
  neurology: {
    zh: {
      strong: ['偏头痛', '癫痫', '中风', '脑梗', '脑出血', '帕金森', '痴呆', '神经痛', '面瘫', '三叉神经', '脑血管', '手抖', '震颤', '脑供血', '脑电图', '神经内科', '周围神经', '脑萎缩', '脑瘫', '重症肌无力', '眩晕', '脑梗塞', '脑缺血', '神经炎', '脊髓', '羊癫疯', '羊颠疯'],
      typical: ['头晕', '头昏', '头痛', '头*痛', '抽搐', '麻木', '手麻', '脚麻', '记忆力', '晕厥', '脑', '神经', '头胀', '发麻', '晕倒', '抽筋', '口角歪斜', '说话不清', '健忘'],
      weak: ['头', '失眠', '睡眠', '晕']
    },
    en: {
      strong: ['headaches?', 'migraines?', 'seizures?', 'epilep(sy|tic)', 'stroke', 'parkinson', 'dementia', 'tremors?', 'neuropathy', "bell'?s palsy", 'facial palsy', 'vertigo', 'dizz(y|iness)'],
      typical: ['numb(ness)?', 'tingling', 'memory', 'faint(ed|ing)?', 'nerves?', 'light-?headed', 'slurred speech', 'face droop'],
      weak: ['head']
    }
  },
  endocrinology: {
    zh: {
      strong: ['糖尿病', '多尿', '三多一少', '血糖', '甲状腺', '甲亢', '甲减', '胰岛素', '内分泌', '痛风', '尿酸', '桥本', '糖耐量', '降糖', '二甲双胍', '糖化', '糖尿', '血脂高', '高血脂', '肾上腺', '垂体', '激素'],
      typical: ['肥胖', '减肥', '骨质疏松', '多饮', '口渴', '嘌呤', '血脂', '代谢', '体重'],
      weak: ['消瘦', '结节', '出汗多', '怕热', '甜食', '吃糖']
    },
    en: {
      strong: ['diabet(es|ic)', 'blood sugar', 'glucose', 'thyroid', 'insulin', 'gout', 'uric acid', 'metformin', 'a1c', 'hormones?', 'endocrin'],
      typical: ['obes(e|ity)', 'osteoporosis', 'very thirsty', 'weight (gain|loss)'],
      weak: ['thirsty', 'sugar']
    }
  },
  nephrology: {
    zh: {
      strong: ['肾炎', '肾病', '蛋白尿', '肌酐', '尿毒症', '透析', '肾功能', '肾衰', '尿蛋白', '肾小球', '尿潜血', '肾内科'],
      typical: ['肾', '潜血'],
      weak: ['水肿', '浮肿', '眼皮肿']
    },
    en: {
      strong: ['nephr(itis|otic|ology)', 'proteinuria', 'creatinine', 'dialysis', 'kidney (disease|failure|function)'],
      typical: ['kidneys?'],
      weak: ['swelling', 'puffy']
    }
  },
  general_surgery: {
    zh: {
      strong: ['阑尾', '疝气', '疝', '胆结石', '胆囊', '痔疮', '肛瘘', '肛裂', '肛周脓肿', '静脉曲张', '脂肪瘤', '甲沟炎', '普外科', '乳腺结节', '乳腺纤维瘤', '肠梗阻'],
      typical: ['肿块', '包块', '脓肿', '疖', '肛门', '伤口', '口子', '划破', '割破', '外伤', '缝针', '割伤', '烧伤', '烫伤', '粉瘤', '皮脂腺囊肿', '手术', '乳腺', '乳房', '划伤', '胆'],
      weak: ['囊肿', '肿', '疙瘩', '小包', '出血', '流血']
    },
    en: {
      strong: ['appendi(x|citis)', 'lump in (my|her|the) breast', 'breast lumps?', 'hernia', 'gallstones?', 'gall ?bladder', 'hemorrhoids?', 'haemorrhoids?', 'piles', 'anal fissure', 'varicose', 'lipoma', 'ingrown (toe)?nail'],
      typical: ['lump', 'abscess', 'boil', 'wound', 'stitches', 'cut (my|his|her)', 'deep cut', 'gash', 'breast lump', 'anal', 'surgery', 'burn(ed|t)?', 'scald(ed)?'],
      weak: ['cyst', 'bleeding', 'cut']
    }
  },
  orthopedics: {
    zh: {
      strong: ['骨折', '膝盖', '腰椎', '颈椎', '肩周炎', '扭伤', '崴', '韧带', '半月板', '滑膜炎', '骨刺', '骨质增生', '椎间盘', '腰间盘', '脚踝', '腱鞘炎', '摔伤', '脊柱', '侧弯', '股骨头', '骨裂', '落枕', '骨科', '跟腱', '关节', '肋骨', '胸骨', '手腕', '骨头'],
      typical: ['骨', '膝', '腰痛', '腰*痛', '背痛', '肩', '肘', '摔', '跌', '坐骨神经', '腿痛', '腿*痛', '足跟', '关节炎', '积液', '拉伤', '胳膊', '手臂', '脚', '腰酸', '脖子痛', '颈部', '突出', '撞'],
      weak: ['腰', '背', '腿', '肌肉', '手指', '抽筋']
    },
    en: {
      strong: ['fractur(e|ed)', 'broken (arm|leg|bone|wrist|ankle|finger|toe)', 'knees?', 'spine', 'slipped disc', 'sprain(ed)?', 'ankle', 'ligament', 'meniscus', 'sciatica', 'tendon', 'twisted'],
      typical: ['bones?', 'joints?', 'back (pain|ache|hurts)', 'lower back', 'disc', 'wrist', 'shoulder', 'elbow', 'hip', 'neck (pain|hurts)', 'fell', 'arthritis', 'leg (pain|hurts)'],
      weak: ['back', 'leg', 'arm', 'foot', 'muscle', 'shin', 'bump(ed)?', 'bruise[ds]?']
    }
  },
  urology: {
    zh: {
      strong: ['尿频', '尿急', '尿痛', '尿血', '血尿', '肾结石', '输尿管', '膀胱', '尿路', '排尿', '尿不出', '夜尿', '尿失禁', '漏尿', '泌尿', '尿道', '肾囊肿', '尿不尽'],
      typical: ['结石', '小便', '尿', '肾积水'],
      weak: ['前列腺', '包皮', '腰痛']
    },
    en: {
      strong: ['urinat(e|ing|ion)', 'bladder', 'kidney stones?', 'uti', 'urinary', 'incontinence', 'blood in (my )?urine', 'pee(ing)?', 'urolog'],
      typical: ['urine', 'stones?'],
      weak: ['prostate']
    }
  },
  andrology: {
    zh: {
      strong: ['阳痿', '早泄', '勃起', '前列腺', '睾丸', '阴囊', '龟头', '阴茎', '精子', '精液', '遗精', '性功能', '射精', '手淫', '精索', '附睾', '男科', '包皮', '性欲', '晨勃', '包皮炎', '精索静脉曲张', '生殖器', '阴毛'],
      typical: ['不育', '性生活', '房事', '同房'],
      weak: ['男性', '下体', '私处']
    },
    en: {
      strong: ['erectile', 'erections?', 'premature ejaculation', 'prostat(e|itis)', 'testic(le|les|ular)', 'scrotum', 'penis', 'sperm', 'foreskin', 'impotence', 'ejaculat(e|ion)'],
      typical: ['libido', 'sex drive', 'male infertility', 'groin'],
      weak: ['sex']
    }
  },
  obstetrics_gynecology: {
    zh: {
      strong: ['怀孕', '孕', '月经', '例假', '大姨妈', '痛经', '白带', '阴道', '子宫', '卵巢', '宫颈', '妇科', '排卵', '避孕', '流产', '人流', '产后', '坐月子', '月子', '不孕', '备孕', '试管', '外阴', '盆腔', '附件炎', '多囊', '更年期', '绝经', '经期', '胎', '产检', '剖腹产', '顺产', '宫外孕', '见红', '黄体', '孕酮', 'hcg', '羊水', '宫缩', '分娩', '妇产科', '乳腺增生', '哺乳', '闭经', '来月经', '小产', '怀上', '输卵管', '宫腔', '子宫内膜', '乳头', '产妇'],
      typical: ['乳房', '下体', '私处', '同房', '生孩子', '要孩子', 'hpv', '霉菌', '性生活后', '避孕药', '生完', '喂奶', '乳腺', '奶水'],
      weak: ['女性', '妇女', '小腹', '下腹', '女生']
    },
    en: {
      strong: ['pregnan(t|cy)', 'periods?', 'menstrua(l|tion)', 'vagin(a|al)', 'uterus', 'ovar(y|ian|ies)', 'cervi(x|cal)', 'pap smear', 'miscarriage', 'contracepti(on|ve)', 'birth control', 'ovulat(e|ion)', 'menopaus(e|al)', 'pcos', 'fibroids?', 'postpartum', 'ivf', 'trying to conceive', 'yeast infection', 'gyn(a)?ecolog', 'weeks along', 'trimester', 'fetal', 'baby kicks?', 'contractions'],
      typical: ['discharge', 'breastfeeding', 'fertility', 'breasts?', 'pelvic'],
      weak: ['lower abdomen', 'women']
    }
  },
  pediatrics: {
    zh: {
      strong: ['小儿', '新生儿', '婴儿', '幼儿', '辅食', '吃奶', '手足口', '囟门', '尿布', '红屁股', '儿科', '奶粉', '小宝宝', '早产儿', '母乳'],
      typical: ['儿童', '宝宝', '孩子', '小孩', '黄疸', '积食', '夜惊', '发育', '娃', '宝贝'],
      weak: ['儿子', '女儿', '身高', '疫苗', '喂奶']
    },
    en: {
      strong: ['toddler', 'infant', 'newborn', 'nappy', 'diapers?', 'teething', 'hand,? foot and mouth', 'pediatric', 'paediatric', 'formula'],
      typical: ['baby', 'child', 'kids?', 'my son', 'my daughter', 'little one'],
      weak: ['son', 'daughter', 'school']
    }
  },
  dermatology: {
    zh: {
      strong: ['皮肤', '皮疹', '痘', '痤疮', '湿疹', '癣', '脚气', '白癜风', '银屑病', '牛皮癣', '皮炎', '脱发', '雀斑', '黄褐斑', '色斑', '痣', '疣', '鸡眼', '灰指甲', '疱疹', '带状疱疹', '毛囊炎', '粉刺', '黑头', '尖锐湿疣', '性病', '狐臭', '红血丝', '痘印', '皮肤科', '斑秃', '头皮', '疹子', '汗疹', '痱子', '玫瑰糠疹', '扁平疣', '酒糟鼻', '皮屑', '起疹', '趾甲', '甲盖', '发际线', '发迹线', '眉毛', '白发', '掉头发', '阴虱'],
      typical: ['疹', '痒', '瘙痒', '斑', '头发', '水痘', '红斑', '脱皮', '起皮', '多汗', '晒伤', '疤', '指甲', '红点', '起包', '梅毒', '水泡'],
      weak: ['皮', '干燥', '红肿', '长了', '抓', '荨麻疹']
    },
    en: {
      strong: ['skin', 'rash(es)?', 'acne', 'pimples?', 'eczema', 'psoriasis', "athlete'?s foot", 'hair loss', 'moles?', 'warts?', 'dermatitis', 'shingles', 'dandruff', 'ringworm', 'fungal infection', 'rosacea', 'vitiligo'],
      typical: ['itch(y|ing)?', 'hives', 'blisters?', 'nails?', 'sunburn', 'spots', 'scar', 'bald'],
      weak: ['red patches?', 'bumps?', 'dry']
    }
  },
  ophthalmology: {
    zh: {
      strong: ['视力', '近视', '远视', '散光', '白内障', '青光眼', '结膜炎', '眼压', '视网膜', '飞蚊症', '干眼', '红眼', '眼屎', '麦粒肿', '针眼', '斜视', '弱视', '眼科', '眼底', '角膜', '眼镜', '眼药水', '视物'],
      typical: ['眼睛', '流泪', '眼皮', '看不清', '重影'],
      weak: ['眼', '模糊', '看东西']
    },
    en: {
      strong: ['eyes?', 'vision', 'glaucoma', 'cataracts?', 'conjunctivitis', 'pink ?eye', 'styes?', 'contact lens(es)?', 'short-?sighted', 'floaters', 'retina', 'eyelids?', 'eye drops'],
      typical: ['blurr(y|ed)', 'glasses', 'sight', 'double vision'],
      weak: ['see']
    }
  },
  ent: {
    zh: {
      strong: ['耳朵', '耳鸣', '听力', '耳聋', '中耳炎', '鼻子', '鼻炎', '鼻塞', '鼻窦炎', '鼻血', '流鼻血', '鼻息肉', '喉咙', '嗓子', '咽喉', '咽炎', '扁桃体', '声音嘶哑', '失声', '打鼾', '打呼噜', '耳屎', '耵聍', '腺样体', '嗅觉', '耳鼻喉', '鼻中隔', '喉炎', '鼻甲', '外耳道'],
      typical: ['耳', '鼻', '喉', '咽', '流鼻涕', '异物感', '打喷嚏', '鼻涕', '声带', '嗓音'],
      weak: ['吞咽', '有痰']
    },
    en: {
      strong: ['ears?', 'ear ?ache', 'hearing', 'tinnitus', 'sinus(itis)?', 'nose ?bleeds?', 'sore throat', 'throat', 'tonsils?', 'tonsillitis', 'hoarse', 'snor(e|ing)', 'adenoids?', 'ear ?wax'],
      typical: ['nose', 'runny nose', 'stuffy nose', 'blocked nose', 'congest(ed|ion)', 'sense of smell', 'voice'],
      weak: ['sneez(e|ing)', 'swallow(ing)?']
    }
  },
  stomatology: {
    zh: {
      strong: ['牙', '牙齿', '牙痛', '牙龈', '蛀牙', '龋齿', '智齿', '口腔', '口腔溃疡', '拔牙', '补牙', '洗牙', '种牙', '牙周', '根管', '假牙', '口角炎', '口腔科', '牙科', '舌苔发白', '嘴唇', '舌头', '虎牙'],
      typical: ['舌', '口臭', '溃疡', '矫正', '嘴里', '嘴巴', '口干'],
      weak: ['嘴', '下巴']
    },
    en: {
      strong: ['tooth', 'teeth', 'dental', 'gums?', 'toothache', 'cavity', 'wisdom tooth', 'mouth ulcers?', 'braces', 'root canal', 'dentist', 'canker sores?'],
      typical: ['tongue', 'jaw', 'bad breath', 'mouth', 'lips?'],
      weak: []
    }
  },
  psychiatry: {
    zh: {
      strong: ['焦虑', '抑郁', '心理', '恐慌', '强迫', '精神分裂', '幻听', '躁狂', '双相', '自杀', '想死', '不想活', '疑病', '胡思乱想', '自卑', '网瘾', '精神科', '心理医生', '心理咨询', '失眠', '情绪', '社交恐惧', '厌学', '抑郁症', '焦虑症', '神经衰弱', '睡不着', '妄想', '被害', '易怒', '精神病', '抗抑郁', '阿立哌唑', '舍曲林', '帕罗西汀', '奥氮平', '喹硫平', '草酸艾司西酞普兰'],
      typical: ['压力', '紧张', '心情', '烦躁', '厌食', '暴食', '自闭', '多动', '注意力', '孤独', '害怕', '想不开', '发脾气', '入睡困难', '早醒', '脾气', '发火', '想家', '分手', '失恋'],
      weak: ['多梦', '精神', '哭', '担心', '烦', '睡眠', '痛苦']
    },
    en: {
      strong: ['anxi(ety|ous)', 'depress(ed|ion)', 'panic attacks?', 'insomnia', 'mental health', 'suicid(e|al)', 'ocd', 'bipolar', 'schizo', 'hallucinat', 'adhd', 'eating disorder', "can'?t sleep"],
      typical: ['stress(ed)?', 'mood', 'trouble sleeping', 'lonely', 'therapy', 'nervous', 'worry(ing)? all the time'],
      weak: ['sleep', 'worried', 'sad']
    }
  },
  oncology: {
    zh: {
      // Organ-named cancers are listed whole so the longest match beats the organ (宫颈癌 is oncology, not gynaecology).
      strong: ['癌', '肺癌', '胃癌', '肝癌', '宫颈癌', '乳腺癌', '肠癌', '直肠癌', '结肠癌', '鼻咽癌', '食管癌', '胆囊癌', '胰腺癌', '甲状腺癌', '卵巢癌', '子宫内膜癌', '前列腺癌', '膀胱癌', '肾癌', '喉癌', '口腔癌', '骨癌', '皮肤癌', '细胞癌', '肿瘤', '化疗', '放疗', '靶向', '转移', '恶性', '癌症', '淋巴瘤', '肿瘤标志物', '癌胚抗原', '肉瘤', '肿瘤科', '癌细胞', '晚期'],
      typical: ['占位', '病理', '穿刺'],
      weak: ['肿块', '包块']
    },
    en: {
      strong: ['cancer', 'tumou?rs?', 'chemo(therapy)?', 'radiotherapy', 'radiation therapy', 'oncolog', 'metasta', 'malignan(t|cy)', 'lymphoma'],
      typical: ['biopsy', 'relapse'],
      weak: ['lump']
    }
  },
  infectious_disease: {
    zh: {
      strong: ['传染', '狂犬', '艾滋', 'hiv', '结核', '麻疹', '风疹', '新冠', '发热门诊', '疟疾', '伤寒', '登革热', '诺如', '猩红热', '狗咬', '被狗', '猫抓', '猫咬', '寄生虫', '腮腺炎', '传染病', '感染科', '流行性', '梅毒', '淋病', '疫区', '破伤风'],
      typical: ['手足口', '水痘', '流感', '蛔虫', '咬伤', '抓伤', '狗*咬', '猫*咬', '被*咬*血'],
      weak: ['感染', '病毒', '疫苗', '发烧', '发热']
    },
    en: {
      strong: ['infectious', 'contagious', 'rabies', 'hiv', 'aids', 'tuberculosis', 'tb', 'covid', 'measles', 'malaria', 'dengue', 'dog bit', 'bitten by a (dog|cat|bat|monkey)', 'syphilis', 'gonorrh(o)?ea', 'tetanus', 'std', 'sti'],
      typical: ['infection', 'virus', 'chickenpox', 'mumps'],
      weak: ['fever']
    }
  },
  rehabilitation: {
    zh: {
      strong: ['康复', '理疗', '复健', '术后恢复', '中风后', '功能锻炼', '康复训练', '偏瘫'],
      typical: ['锻炼'],
      weak: ['按摩', '恢复']
    },
    en: {
      strong: ['rehab(ilitation)?', 'physiotherapy', 'physical therapy', 'stroke recovery', 'after (my )?surgery recovery'],
      typical: ['recovery', 'exercises'],
      weak: []
    }
  },
  hepatology: {
    zh: {
      strong: ['肝', '乙肝', '丙肝', '大三阳', '小三阳', '肝功能', '转氨酶', '脂肪肝', '肝硬化', '肝炎', '胆红素', '肝区', '肝病', '表面抗原', '恩替卡韦', '替诺福韦', '酒精肝', '肝囊肿', '肝血管瘤', '肝纤维化', '携带者', '丙型肝炎', '乙型肝炎', '核心抗体', 'e抗原', 'e抗体', 'hbv', 'hbsag', 'dna'],
      typical: ['黄疸', '抗病毒', '腹水', '病毒量', '五项'],
      weak: ['眼睛黄', '皮肤黄']
    },
    en: {
      strong: ['liver', 'hepatitis', 'cirrhosis', 'fatty liver', 'hbv', 'alt', 'ast', 'bilirubin'],
      typical: ['jaundice', 'yellow (eyes|skin)'],
      weak: []
    }
  },
  hematology: {
    zh: {
      strong: ['贫血', '白血病', '血小板', '血红蛋白', '紫癜', '凝血', '血友病', '地中海贫血', '骨髓', '血液病', '血液科', '淋巴结肿大'],
      typical: ['白细胞', '红细胞', '瘀斑', '淤青', '脾大', '血常规'],
      weak: ['淋巴结', '头晕乏力']
    },
    en: {
      strong: ['an(a)?emi(a|c)', 'leuk(a)?emia', 'platelets?', 'h(a)?emoglobin', 'clotting', 'h(a)?emophilia', 'bone marrow'],
      typical: ['white (blood )?cells?', 'bruis(e|es|ing) easily', 'swollen (lymph )?glands'],
      weak: ['bruises?', 'pale']
    }
  },
  rheumatology: {
    zh: {
      strong: ['类风湿', '风湿', '红斑狼疮', '狼疮', '强直性脊柱炎', '干燥综合征', '晨僵', '硬皮病', '血管炎', '抗核抗体', '免疫科', '风湿免疫'],
      typical: ['关节肿', '多个关节', '自身免疫', '免疫'],
      weak: ['痛风', '关节痛', '关节*痛']
    },
    en: {
      strong: ['rheumat(oid|ic|ism|ology)', 'rheumatoid arthritis', 'lupus', 'ankylosing', 'autoimmune', 'morning stiffness', 'stiff in the mornings?', 'sj(o|ö)gren'],
      typical: ['gout', 'swollen[a-z ,]{0,12} joints', 'many joints', 'joints in both hands'],
      weak: ['joint pain']
    }
  },
  allergy: {
    zh: {
      strong: ['过敏', '过敏原', '荨麻疹', '花粉', '尘螨', '过敏性鼻炎', '脱敏', '过敏体质', '食物过敏', '药物过敏', '过敏性', '海鲜过敏', '花粉症', '变态反应', '风团', '鼻痒', 'ige'],
      typical: ['打喷嚏', '喷嚏', '清涕', '眼痒', '起疙瘩', '一阵一阵痒'],
      weak: ['湿疹', '瘙痒', '痒', '红疹', '流涕']
    },
    en: {
      strong: ['allerg(y|ic|ies)', 'hay ?fever', 'pollen', 'hives', 'dust mites?', 'epipen', 'anaphyla(xis|ctic)', 'antihistamines?'],
      typical: ['sneez(e|ing)', 'itchy eyes'],
      weak: ['itchy', 'rash']
    }
  },
  tcm: {
    zh: {
      strong: ['中药', '中医', '针灸', '艾灸', '调理', '推拿', '拔罐', '刮痧', '气血', '湿气', '湿热', '上火', '肾虚', '阴虚', '阳虚', '气虚', '血虚', '血亏', '脾虚', '滋补', '养生', '食疗', '药膳', '经络', '穴位', '舌苔', '宫寒', '肝火', '虚火', '祛湿', '膏方', '紫河车', '三伏贴', '中成药', '体质', '进补', '补肾', '补血', '补气', '月子病', '肾阳', '肾阴', '脾胃虚', '寒气', '火气', '偏方', '口苦', '怕冷', '手脚冰凉', '盗汗', '虚汗', '肾亏', '胃寒', '体寒', '寒湿', '痰湿', '冒火', '口咸', '中药材', '药材', '食补'],
      // Herb names: a patient may ask whether someone with another illness can take them, so they only lean to TCM.
      typical: ['清热', '保健', '脾胃', '汤', '泡水喝', '补', '熬', '虚', '金银花', '菊花', '五味子', '党参', '黄连', '甘草', '茯苓', '山药', '红枣', '桂圆', '陈皮', '薏米', '决明子', '蒲公英', '罗汉果', '胖大海', '板蓝根', '艾叶', '三七', '川贝', '鹿茸', '灵芝', '阿胶', '人参', '枸杞', '当归', '黄芪', '冬虫夏草'],
      weak: ['凉', '寒', '热气']
    },
    en: {
      strong: ['tcm', 'acupuncture', 'herbal', 'cupping', 'moxibustion', 'chinese medicine', 'qi', 'ginseng', 'chinese herbs'],
      typical: ['herbs', 'tonic'],
      weak: []
    }
  }
}

const phrasesSchema = z.object({
  strong: z.array(z.string().min(1)).optional(),
  typical: z.array(z.string().min(1)).optional(),
  weak: z.array(z.string().min(1)).optional()
})
const tableSchema = z.partialRecord(z.enum(DEPARTMENT_CODES as [DepartmentCode, ...DepartmentCode[]]), z.object({ zh: phrasesSchema, en: phrasesSchema }))

export type WeightedPhrase = { department: DepartmentCode, phrase: string, weight: number }

const WEIGHTS = { strong: 3, typical: 2, weak: 1 } as const

function flatten (table: Partial<Record<DepartmentCode, DepartmentPhrases>>): WeightedPhrase[] {
  return Object.entries(table).flatMap(([department, locales]) =>
    [locales.zh, locales.en].flatMap((levels) =>
      (Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).flatMap((level) =>
        (levels[level] ?? []).map((phrase) => ({ department: department as DepartmentCode, phrase, weight: WEIGHTS[level] })))))
}

/** Every weighted phrase of the table, validated when the module loads. */
export const SYMPTOM_DEPARTMENT_PHRASES: readonly WeightedPhrase[] = Object.freeze(flatten(tableSchema.parse(TABLE) as Partial<Record<DepartmentCode, DepartmentPhrases>>))
