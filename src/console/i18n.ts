export type UiLocale = 'en' | 'zh-CN'

const STRINGS = {
  en: {
    title: 'Agent console',
    signIn: 'Sign in',
    clinic: 'Clinic',
    email: 'Email',
    password: 'Password',
    signOut: 'Sign out',
    queue: 'Queue',
    waiting: 'Waiting',
    mine: 'My conversations',
    others: 'With colleagues',
    empty: 'Nobody is waiting.',
    claimNext: 'Claim next',
    claim: 'Claim',
    open: 'Open',
    waitingFor: 'waiting',
    min: 'min',
    priority: { emergency: 'Emergency', high: 'High', normal: 'Normal' },
    triage: 'Triage',
    redFlags: 'Red flags',
    reason: 'Reason',
    channel: 'Channel',
    noneSelected: 'Choose a conversation from the queue.',
    reply: 'Reply to the patient',
    send: 'Send',
    sendHint: 'Ctrl+Enter sends',
    quickReplies: 'Quick replies',
    searchHint: 'Words, prefix or /shortcut (Ctrl+K)',
    allCategories: 'All groups',
    allDepartments: 'All departments',
    insert: 'Insert',
    uses: 'uses',
    noMatches: 'No approved phrase matches.',
    transfer: 'Transfer',
    toQueue: 'Back to the queue',
    toAgent: 'To a colleague',
    resolve: 'Resolve',
    returnToBot: 'Return to the bot',
    note: 'Note (kept with the record)',
    roles: { patient: 'Patient', bot: 'Assistant', agent: 'Agent', system: 'System' },
    heldBy: 'Held by',
    readOnly: 'Claim this conversation to reply.',
    alert: 'Emergency still waiting',
    live: 'Live',
    offline: 'Reconnecting…',
    language: '中文'
  },
  'zh-CN': {
    title: '人工客服工作台',
    signIn: '登录',
    clinic: '诊所',
    email: '邮箱',
    password: '密码',
    signOut: '退出',
    queue: '排队',
    waiting: '等待中',
    mine: '我的会话',
    others: '同事处理中',
    empty: '目前没有人排队。',
    claimNext: '接入下一位',
    claim: '接入',
    open: '打开',
    waitingFor: '已等待',
    min: '分钟',
    priority: { emergency: '紧急', high: '高', normal: '普通' },
    triage: '分诊',
    redFlags: '危险信号',
    reason: '原因',
    channel: '渠道',
    noneSelected: '请从左侧队列选择会话。',
    reply: '回复患者',
    send: '发送',
    sendHint: 'Ctrl+Enter 发送',
    quickReplies: '快捷回复',
    searchHint: '关键词、前缀或 /快捷码（Ctrl+K）',
    allCategories: '全部分组',
    allDepartments: '全部科室',
    insert: '插入',
    uses: '次使用',
    noMatches: '没有匹配的已审核话术。',
    transfer: '转接',
    toQueue: '退回队列',
    toAgent: '转给同事',
    resolve: '结束',
    returnToBot: '交回智能助手',
    note: '备注（随记录保存）',
    roles: { patient: '患者', bot: '智能助手', agent: '客服', system: '系统' },
    heldBy: '处理人',
    readOnly: '接入此会话后才能回复。',
    alert: '紧急会话仍在等待',
    live: '实时',
    offline: '正在重连…',
    language: 'English'
  }
} as const

export type Strings = typeof STRINGS['en']

export function strings (locale: UiLocale): Strings {
  return STRINGS[locale] as unknown as Strings
}

export const CATEGORIES = ['handoff', 'triage', 'appointment', 'insurance', 'billing', 'medication', 'info', 'safety', 'smalltalk'] as const

export function initialLocale (): UiLocale {
  const saved = localStorage.getItem('console.locale')
  if (saved === 'en' || saved === 'zh-CN') return saved
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}
