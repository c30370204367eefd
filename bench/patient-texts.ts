/**
 * What simulated patients say, one journey per patient, cycled. Kept to turns that leave the
 * conversation with the bot (no emergency, crisis or human handoff), so every turn runs the full
 * pipeline: guards, understanding, a flow step, retrieval, composing and persisting.
 */
export const PATIENT_JOURNEYS: ReadonlyArray<{ locale: 'en' | 'zh-CN', texts: readonly string[] }> = [
  {
    locale: 'en',
    texts: ['What are your opening hours?', 'I have had a sore throat and a mild fever for two days', 'no', 'no',
      'What documents do I need to submit an insurance claim?', 'Where are you located?']
  },
  {
    locale: 'zh-CN',
    texts: ['你们几点开门？', '我皮肤上起了很多红疹子，有点痒，三天了', '医保报销需要什么材料？', '你们的地址在哪里？',
      '我咳嗽一个星期了，有点痰', '周六开门吗？']
  },
  {
    locale: 'en',
    texts: ['My deductible is 500, the bill is 1200 and coinsurance is 20%. How much do I pay?', 'I have an itchy rash on my arm since last week',
      'no', 'What should I bring to my first visit?', 'Is there parking near the clinic?', 'Thanks!']
  },
  {
    locale: 'zh-CN',
    texts: ['我的门诊费用医保能报多少？', '我最近胃不舒服，吃完饭胀气', '没有', '需要带什么证件？', '停车方便吗？', '谢谢']
  }
]
