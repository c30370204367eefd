import { PermanentJobError, RetryableJobError } from '../../delivery/job-errors.ts'
import type { ChannelAdapter, InboundEvent, OutboundText, RawInbound } from '../channel-adapter.ts'
import { callProvider, classifyHttpFailure } from '../provider-http.ts'
import type { WeChatAccessTokens, WeChatAccount } from './wechat-access-token.ts'
import { aesKeyOf, decryptMessage, signatureMatches } from './wechat-crypto.ts'
import { parseWeChatXml } from './wechat-xml.ts'

export type WeChatAccountSettings = WeChatAccount & { token: string, encodingAesKey?: string | undefined, previousEncodingAesKey?: string | undefined }

/** The account a clinic's messages come in on and go out from (null: WeChat is off for that clinic). */
export type WeChatAccounts = (clinicId: string | undefined) => Promise<{ clinicId: string, account: WeChatAccountSettings } | null>

const TOKEN_INVALID = new Set([40001, 40014, 42001])
const RETRY_LATER = new Set([-1, 45009])

/** A verified, decrypted inbound message: its fields and whether the reply must be encrypted (with which key). */
export type OpenedWeChatMessage = { fields: Record<string, string>, encrypted: boolean, key: Buffer | null }

/**
 * Checks and opens a WeChat POST. Plaintext: `signature` over token, timestamp, nonce. With
 * encrypt_type=aes (compatible and safe mode alike): `msg_signature` over those and Encrypt, then
 * AES with the current or the previous EncodingAESKey and the AppID check. Null when it fails.
 */
export function openWeChatMessage (account: WeChatAccountSettings, raw: RawInbound): OpenedWeChatMessage | null {
  const { timestamp, nonce } = raw.query
  if (!timestamp || !nonce) return null
  if (raw.query.encrypt_type !== 'aes') {
    // Plaintext mode signs only token, timestamp and nonce: checked before the body is even read.
    if (!signatureMatches([account.token, timestamp, nonce], raw.query.signature)) return null
    return { fields: parseWeChatXml(raw.body.toString('utf8')), encrypted: false, key: null }
  }
  const encrypt = parseWeChatXml(raw.body.toString('utf8')).Encrypt
  if (!encrypt || !account.encodingAesKey) return null
  if (!signatureMatches([account.token, timestamp, nonce, encrypt], raw.query.msg_signature)) return null
  const keys = [account.encodingAesKey, account.previousEncodingAesKey].filter((key): key is string => Boolean(key)).map(aesKeyOf)
  try {
    const { message, key } = decryptMessage({ keys, encrypt, appId: account.appId })
    return { fields: parseWeChatXml(message), encrypted: true, key }
  } catch {
    return null
  }
}

/** A message or event as the pipeline takes it; null for events that need no answer (menu clicks, location reports). */
export function toInboundEvent (fields: Record<string, string>, clinicId: string, now: Date): InboundEvent | null {
  const userId = fields.FromUserName
  if (!userId) return null
  const createTime = Number(fields.CreateTime)
  const receivedAt = Number.isFinite(createTime) && createTime > 0 ? new Date(createTime * 1000) : now
  // MsgId for messages (a string: above 2^53); user + time + event for events, as WeChat advises.
  const externalId = fields.MsgId ?? `${userId}:${fields.CreateTime ?? ''}:${fields.Event ?? ''}:${fields.EventKey ?? ''}`
  const common = { channel: 'wechat' as const, clinicId, userId, externalId, receivedAt }
  if (fields.MsgType === 'text' && fields.Content?.trim()) return { ...common, type: 'text', text: fields.Content }
  if (fields.MsgType === 'voice' && fields.Recognition?.trim()) return { ...common, type: 'text', text: fields.Recognition }
  if (fields.MsgType === 'event') {
    if (fields.Event === 'subscribe') return { ...common, type: 'subscribe' }
    if (fields.Event === 'unsubscribe') return { ...common, type: 'unsubscribe' }
    return null
  }
  return { ...common, type: 'unsupported', detail: fields.MsgType ?? 'unknown' }
}

/** WeChat text has no buttons: quick replies become a numbered list of what to type. */
export function formatWeChatText (message: OutboundText): string {
  if (!message.quickReplies?.length) return message.text
  return `${message.text}\n\n${message.quickReplies.map((reply, index) => `${index + 1}. ${reply.label}`).join('\n')}`
}

/** The WeChat Official Account: signed (and in safe mode encrypted) XML in, customer-service messages out. */
export function createWeChatAdapter (options: { accounts: WeChatAccounts, tokens: WeChatAccessTokens }): ChannelAdapter {
  const { tokens } = options
  const open = async (raw: RawInbound) => {
    const found = await options.accounts(raw.clinicId)
    return found ? openWeChatMessage(found.account, raw) : null
  }

  async function post (account: WeChatAccount, message: OutboundText, context: { userId: string }, accessToken: string) {
    return callProvider({
      url: `${account.apiBaseUrl}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(accessToken)}`,
      body: { touser: context.userId, msgtype: 'text', text: { content: formatWeChatText(message) } }
    })
  }

  return {
    channel: 'wechat',
    verify: async (raw) => (await open(raw)) !== null,
    async normalise (raw, now) {
      const opened = await open(raw)
      const event = opened ? toInboundEvent(opened.fields, raw.clinicId, now) : null
      return event ? [event] : []
    },
    format: (message, context) => ({ touser: context.userId, msgtype: 'text', text: { content: formatWeChatText(message) } }),
    async send (message, context) {
      const found = await options.accounts(context.clinicId)
      if (!found) throw new PermanentJobError(`no WeChat Official Account is configured for clinic ${context.clinicId}`)
      const { account } = found
      let response = await post(account, message, context, await tokens.get(account))
      let result = (response.json ?? {}) as { errcode?: number, errmsg?: string, msgid?: number | string }
      if (result.errcode !== undefined && TOKEN_INVALID.has(result.errcode)) {
        response = await post(account, message, context, await tokens.refresh(account))
        result = (response.json ?? {}) as typeof result
      }
      if (response.status < 200 || response.status >= 300) throw classifyHttpFailure(response, 'WeChat custom/send')
      if (!result.errcode) return { providerMessageId: result.msgid === undefined ? null : String(result.msgid) }
      const description = `WeChat custom/send answered ${result.errcode} ${result.errmsg ?? ''}`.trim()
      if (RETRY_LATER.has(result.errcode) || TOKEN_INVALID.has(result.errcode)) throw new RetryableJobError(description)
      // 45015 outside the 48-hour window, 45047 quota used, 43004 not a follower, 40003 bad OpenID: no retry helps.
      throw new PermanentJobError(description)
    }
  }
}
