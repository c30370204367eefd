import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type WeChatCustomSend = { accessToken: string, body: { touser: string, msgtype: string, text?: { content: string } } }

export type FakeWeChatServer = {
  baseUrl: string
  tokenRequests: Array<{ appid: string, secret: string, force_refresh?: boolean }>
  /** Customer-service messages accepted (errcode 0). */
  sends: WeChatCustomSend[]
  /** Every custom/send call, accepted or refused. */
  sendAttempts: WeChatCustomSend[]
  /** Makes the current token invalid, as when it expired early: the next send gets 40001. */
  invalidateToken: () => void
  /** errcodes for the next custom/send calls, in order. */
  script: (...errcodes: number[]) => void
  close: () => Promise<void>
}

/**
 * A loopback WeChat API: POST /cgi-bin/stable_token and POST /cgi-bin/message/custom/send
 * ?access_token=…, answered with the real shapes ({"access_token","expires_in"}, {"errcode","errmsg"}).
 */
export async function startFakeWeChatServer (options: { appId: string, appSecret: string }): Promise<FakeWeChatServer> {
  const tokenRequests: FakeWeChatServer['tokenRequests'] = []
  const sends: WeChatCustomSend[] = []
  const sendAttempts: WeChatCustomSend[] = []
  const scripted: number[] = []
  let generation = 1
  let validToken = `token-${generation}`

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake')
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
      if (url.pathname === '/cgi-bin/stable_token') {
        tokenRequests.push(body)
        if (body.appid !== options.appId || body.secret !== options.appSecret) return sendJson(response, { errcode: 40125, errmsg: 'invalid appsecret' })
        // The stable token stays the same until it is forced or has become invalid.
        if (body.force_refresh === true || validToken === '') validToken = `token-${++generation}`
        return sendJson(response, { access_token: validToken, expires_in: 7200 })
      }
      if (url.pathname === '/cgi-bin/message/custom/send') {
        const send = { accessToken: url.searchParams.get('access_token') ?? '', body }
        sendAttempts.push(send)
        if (send.accessToken !== validToken || validToken === '') return sendJson(response, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })
        const errcode = scripted.shift() ?? 0
        if (errcode !== 0) return sendJson(response, { errcode, errmsg: `scripted error ${errcode}` })
        sends.push(send)
        return sendJson(response, { errcode: 0, errmsg: 'ok' })
      }
      response.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    tokenRequests,
    sends,
    sendAttempts,
    invalidateToken: () => { validToken = '' },
    script: (...errcodes) => { scripted.push(...errcodes) },
    async close () {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function sendJson (response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}
