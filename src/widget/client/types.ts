/** Shapes of the public conversation API (api.md) as the widget reads them. */
export type Role = 'patient' | 'bot' | 'agent' | 'system'
export type ConversationStatus = 'bot' | 'waiting_agent' | 'with_agent' | 'closed'

export type QuickReply = { label: string, value: string }
export type Source = { id: string, version: number, title: string }

export type Message = {
  id: string
  role: Role
  text: string
  kind?: 'answer' | 'question' | 'emergency' | 'handoff' | 'info'
  disclaimer?: string
  sources?: Source[]
  quickReplies?: QuickReply[]
  /** Agent messages name who wrote them. */
  agent?: { id?: string, name: string } | null
  agentName?: string
  machineTranslation?: { language: string }
}

export type Turn = {
  messages: Message[]
  conversation: { id: string, status: ConversationStatus }
}

export type Started = { conversation: { id: string, status: ConversationStatus }, token: string, messages: Message[] }

export type Palette = { brand: string, onBrand: string, accent: string }

export type WidgetSettings = {
  clinicId: string
  name: Record<string, string>
  title: Record<string, string>
  defaultLocale: string
  emergencyNumber: string
  palette: Palette
  logoUrl: string | null
  greeting: Record<string, string>
}

/** What the live channel (SSE or polling) reports. */
export type LiveUpdate =
  | { type: 'message', message: Message }
  | { type: 'status', status: ConversationStatus, agentName?: string | undefined }
  | { type: 'typing', typing: boolean }
