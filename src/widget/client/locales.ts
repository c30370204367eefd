/** The widget's own interface text (not medical content, which comes from the vetted corpus). */
const en = {
  openChat: 'Open chat with the clinic',
  closeChat: 'Close chat',
  defaultTitle: 'Ask the clinic',
  assistant: 'Clinic assistant',
  you: 'You',
  staff: 'clinic staff',
  conversation: 'Conversation',
  inputLabel: 'Your message',
  placeholder: 'Describe your question…',
  send: 'Send',
  sending: 'Sending…',
  queued: 'Waiting for the network; it will be sent automatically',
  notSent: 'Not sent:',
  typing: 'The clinic is typing…',
  offline: 'You are offline. Your messages will be sent automatically when the connection returns.',
  busy: 'Lots of people are writing to us right now. We will try again in {seconds} seconds; nothing you typed is lost.',
  unavailable: 'The service is briefly unavailable. We will try again shortly; nothing you typed is lost.',
  waitingAgent: 'We are connecting you to a member of the clinic staff. Please stay in this chat.',
  agentJoined: '{name} from the clinic has joined the chat.',
  agentJoinedNoName: 'A member of the clinic staff has joined the chat.',
  backToBot: 'The staff member has left the chat. You are talking with the clinic assistant again.',
  closed: 'This conversation has ended.',
  newConversation: 'Start a new conversation',
  expired: 'Your earlier conversation has ended; a new one has started.',
  call: 'Call {number} now',
  emergency: 'Emergency',
  sources: 'Sources',
  suggestions: 'Suggested replies',
  unread: '{count} new',
  machineTranslated: 'Machine-translated',
  loadFailed: 'The chat could not be loaded. Please try again later or phone the clinic.',
  yourData: 'Your data',
  dataIntro: 'Download a copy of everything the clinic keeps about this conversation, or delete it.',
  noDataYet: 'Nothing is stored until you start a conversation.',
  downloadData: 'Download my data',
  eraseData: 'Delete my conversation',
  eraseConfirm: 'Delete this conversation and everything you gave in it (messages, the name and phone of a booking, reminders)? A booked appointment keeps its time, without your details. This cannot be undone.',
  eraseYes: 'Yes, delete it',
  cancel: 'Cancel',
  dataErased: 'Your conversation and your personal details have been deleted.',
  dataFailed: 'That did not work. Please try again, or phone the clinic.'
}

export type UiText = typeof en

const zh: UiText = {
  openChat: '打开在线咨询',
  closeChat: '关闭对话',
  defaultTitle: '在线咨询',
  assistant: '诊所助手',
  you: '我',
  staff: '诊所工作人员',
  conversation: '对话记录',
  inputLabel: '您的消息',
  placeholder: '请描述您的问题…',
  send: '发送',
  sending: '发送中…',
  queued: '等待网络恢复，将自动发送',
  notSent: '未发送：',
  typing: '对方正在输入…',
  offline: '网络已断开。恢复连接后，您的消息会自动发送。',
  busy: '当前咨询人数较多，我们将在 {seconds} 秒后自动重试，您输入的内容不会丢失。',
  unavailable: '服务暂时不可用，稍后会自动重试，您输入的内容不会丢失。',
  waitingAgent: '正在为您转接诊所工作人员，请留在此对话中。',
  agentJoined: '诊所工作人员 {name} 已加入对话。',
  agentJoinedNoName: '诊所工作人员已加入对话。',
  backToBot: '工作人员已离开对话，现在由诊所助手继续为您服务。',
  closed: '本次对话已结束。',
  newConversation: '开始新的对话',
  expired: '之前的对话已结束，已为您开始新的对话。',
  call: '立即拨打 {number}',
  emergency: '紧急情况',
  sources: '参考依据',
  suggestions: '快捷回复',
  unread: '{count} 条新消息',
  machineTranslated: '机器翻译',
  loadFailed: '在线咨询暂时无法加载，请稍后再试或致电诊所。',
  yourData: '我的数据',
  dataIntro: '您可以下载诊所保存的本次对话的全部数据，或将其删除。',
  noDataYet: '开始对话之前，我们不会保存任何信息。',
  downloadData: '下载我的数据',
  eraseData: '删除我的对话',
  eraseConfirm: '确定删除本次对话及您在其中提供的全部信息（消息、预约的姓名和电话、用药提醒）吗？已预约的就诊时间会保留，但不再含有您的信息。删除后无法恢复。',
  eraseYes: '确定删除',
  cancel: '取消',
  dataErased: '您的对话和个人信息已删除。',
  dataFailed: '操作未成功，请重试或致电诊所。'
}

export type Locale = 'zh-CN' | 'en'

export function uiText (locale: Locale): UiText {
  return locale === 'zh-CN' ? zh : en
}

export function pickLocale (requested: string | null | undefined, fallback: string): Locale {
  const value = requested || fallback || navigator.language
  return /^zh/i.test(value) ? 'zh-CN' : 'en'
}

export function fill (template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
}
