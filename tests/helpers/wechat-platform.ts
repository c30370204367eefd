import { randomBytes } from 'node:crypto'
import { aesKeyOf, decryptMessage, encryptMessage, signatureMatches, weChatSignature } from '../../src/channels/wechat/wechat-crypto.ts'
import { parseWeChatXml } from '../../src/channels/wechat/wechat-xml.ts'

export type PlatformAccount = { token: string, appId: string, encodingAesKey: string }

let nonceCounter = 1000

/** A text message as the WeChat platform sends it (plaintext XML, CDATA strings). */
export function textMessageXml (input: { account: string, openId: string, text: string, msgId: string, createTime?: number }): string {
  return `<xml><ToUserName><![CDATA[${input.account}]]></ToUserName><FromUserName><![CDATA[${input.openId}]]></FromUserName><CreateTime>${input.createTime ?? Math.floor(Date.now() / 1000)}</CreateTime>` +
    `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${input.text}]]></Content><MsgId>${input.msgId}</MsgId></xml>`
}

export function eventXml (input: { account: string, openId: string, event: string, createTime: number }): string {
  return `<xml><ToUserName><![CDATA[${input.account}]]></ToUserName><FromUserName><![CDATA[${input.openId}]]></FromUserName><CreateTime>${input.createTime}</CreateTime>` +
    `<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${input.event}]]></Event></xml>`
}

/** The query and body of a POST in plaintext mode (signature over token, timestamp, nonce). */
export function plaintextPost (account: PlatformAccount, xml: string, openId: string) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = String(++nonceCounter)
  return { query: { signature: weChatSignature([account.token, timestamp, nonce]), timestamp, nonce, openid: openId }, payload: xml }
}

/** The query and body of a POST in safe mode: only ToUserName and Encrypt, signed with msg_signature. */
export function safeModePost (account: PlatformAccount, xml: string, openId: string, toUser: string) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = String(++nonceCounter)
  const encrypt = encryptMessage({ key: aesKeyOf(account.encodingAesKey), message: xml, appId: account.appId, random: randomBytes(16) })
  return {
    query: { signature: weChatSignature([account.token, timestamp, nonce]), timestamp, nonce, openid: openId, encrypt_type: 'aes', msg_signature: weChatSignature([account.token, timestamp, nonce, encrypt]) },
    payload: `<xml><ToUserName><![CDATA[${toUser}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`
  }
}

/** What the platform does with an encrypted passive reply: check MsgSignature, decrypt, read the fields. */
export function openEncryptedReply (account: PlatformAccount, body: string): Record<string, string> {
  const envelope = parseWeChatXml(body)
  if (!signatureMatches([account.token, envelope.TimeStamp!, envelope.Nonce!, envelope.Encrypt!], envelope.MsgSignature)) throw new Error('the reply signature does not match')
  return parseWeChatXml(decryptMessage({ keys: [aesKeyOf(account.encodingAesKey)], encrypt: envelope.Encrypt!, appId: account.appId }).message)
}

export function randomEncodingAesKey (): string {
  return randomBytes(32).toString('base64').slice(0, 43)
}
