import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/database.ts'
import { PermanentJobError, RetryableJobError } from '../../delivery/job-errors.ts'
import { callProvider } from '../provider-http.ts'

// Refreshed this long before it expires (the platform's overlap is 5 minutes).
const REFRESH_MARGIN_MS = 5 * 60_000

export type WeChatAccount = { appId: string, appSecret: string, apiBaseUrl: string }

/**
 * The stable access_token of an Official Account, cached in the database so every instance shares
 * one (a classic token fetched twice invalidates the first; the stable one is kept the same).
 * Fetched once, reused until five minutes before expiry, fetched anew with force_refresh when
 * the API says it is invalid (40001, 40014, 42001).
 */
export function createWeChatAccessTokens (options: { database: Database, clock: Clock }) {
  const { database, clock } = options

  async function fetchToken (account: WeChatAccount, forceRefresh: boolean): Promise<string> {
    const response = await callProvider({
      url: `${account.apiBaseUrl}/cgi-bin/stable_token`,
      body: { grant_type: 'client_credential', appid: account.appId, secret: account.appSecret, force_refresh: forceRefresh }
    })
    const json = (response.json ?? {}) as { access_token?: string, expires_in?: number, errcode?: number, errmsg?: string }
    if (response.status >= 500 || json.errcode === -1) throw new RetryableJobError(`WeChat stable_token failed: HTTP ${response.status} ${json.errcode ?? ''} ${json.errmsg ?? ''}`.trim())
    if (!json.access_token) throw new PermanentJobError(`WeChat refused the access token request: ${json.errcode ?? response.status} ${json.errmsg ?? ''}`.trim())
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + (json.expires_in ?? 7200) * 1000)
    await database.query(
      `INSERT INTO channel_access_tokens (account, token, expires_at, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account) DO UPDATE SET token = EXCLUDED.token, expires_at = EXCLUDED.expires_at, updated_at = EXCLUDED.updated_at`,
      [accountKey(account), json.access_token, expiresAt, now])
    return json.access_token
  }

  return {
    async get (account: WeChatAccount): Promise<string> {
      const cached = await database.query<{ token: string, expires_at: Date }>('SELECT token, expires_at FROM channel_access_tokens WHERE account = $1', [accountKey(account)])
      const row = cached.rows[0]
      if (row && row.expires_at.getTime() - REFRESH_MARGIN_MS > clock.now().getTime()) return row.token
      return fetchToken(account, false)
    },
    /** After the API called the token invalid or expired. */
    refresh: (account: WeChatAccount) => fetchToken(account, true)
  }
}

export type WeChatAccessTokens = ReturnType<typeof createWeChatAccessTokens>

function accountKey (account: WeChatAccount): string {
  return `wechat:${account.appId}`
}
