import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { cdataSafe } from './wechat-crypto.ts'

export class WeChatXmlError extends Error {
  override name = 'WeChatXmlError'
}

export const MAX_XML_BYTES = 64 * 1024

const parser = new XMLParser({
  ignoreAttributes: true,
  // Everything stays a string: MsgId (above 2^53), CreateTime and OpenIDs must not become numbers.
  parseTagValue: false,
  // Message text is the patient's: not trimmed.
  trimValues: false,
  // No entity expansion at all (XXE, billion laughs); the five XML entities are decoded below.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '__cdata',
  ignoreDeclaration: true,
  ignorePiTags: true
})

const PREDEFINED: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' }

/**
 * The fields of a WeChat XML message (the children of <xml>) as strings. Refuses a document type
 * declaration or entity definitions, bodies over the size limit and anything that is not
 * well-formed XML with an <xml> root.
 */
export function parseWeChatXml (text: string): Record<string, string> {
  if (Buffer.byteLength(text) > MAX_XML_BYTES) throw new WeChatXmlError('the XML body is too large')
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new WeChatXmlError('XML with a document type declaration is refused')
  if (XMLValidator.validate(text) !== true) throw new WeChatXmlError('the body is not well-formed XML')
  const root = (parser.parse(text) as Record<string, unknown>).xml
  if (!root || typeof root !== 'object') throw new WeChatXmlError('the XML has no <xml> root')
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(root as Record<string, unknown>)) {
    if (name === '#text') continue
    const text = textOf(value)
    if (text !== null) fields[name] = text
  }
  return fields
}

function textOf (value: unknown): string | null {
  if (typeof value === 'string') return value.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => PREDEFINED[entity] ?? entity)
  if (value && typeof value === 'object' && '__cdata' in value) {
    const parts = (value as { __cdata: unknown }).__cdata
    return Array.isArray(parts) ? parts.map(String).join('') : String(parts)
  }
  return null
}

/** The passive text reply: To and From are the inbound pair swapped. */
export function passiveTextXml (input: { toUser: string, fromAccount: string, content: string, now: Date }): string {
  return `<xml><ToUserName><![CDATA[${cdataSafe(input.toUser)}]]></ToUserName><FromUserName><![CDATA[${cdataSafe(input.fromAccount)}]]></FromUserName>` +
    `<CreateTime>${Math.floor(input.now.getTime() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${cdataSafe(input.content)}]]></Content></xml>`
}
