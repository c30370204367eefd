import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.ts'
import { buildTestApp } from '../helpers/test-app.ts'

describe('channel settings', () => {
  it('turns a channel on only with all of its settings, and stops at start when some are missing', () => {
    expect(loadConfig({}).whatsapp).toBeUndefined()
    expect(loadConfig({}).wechat).toBeUndefined()
    expect(loadConfig({ WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's', WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: 'p' }).whatsapp)
      .toEqual({ verifyToken: 'v', appSecret: 's', accessToken: 't', phoneNumberId: 'p', apiBaseUrl: 'https://graph.facebook.com/v21.0' })
    expect(() => loadConfig({ WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's' })).toThrow(ConfigError)
    expect(() => loadConfig({ WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: 's' })).toThrow('WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID must be set too')
    expect(() => loadConfig({ WECHAT_TOKEN: 't' })).toThrow('WECHAT_APP_ID, WECHAT_APP_SECRET must be set too')
    expect(() => loadConfig({ WECHAT_TOKEN: 't', WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 's', WECHAT_ENCODING_AES_KEY: 'short' })).toThrow(/WECHAT_ENCODING_AES_KEY must be 43 characters/)
  })

  it('says once at start which channels are off', async () => {
    const lines: string[] = []
    const testApp = await buildTestApp('channel-settings-log', { sample: false, logger: { level: 'info', stream: { write: (line) => { lines.push(line) } } } })
    try {
      await testApp.app.inject({ method: 'POST', url: '/webhooks/whatsapp', payload: '{}', headers: { 'content-type': 'application/json' } })
      await testApp.app.inject({ method: 'GET', url: '/webhooks/wechat' })
      expect(lines.filter((line) => line.includes('WhatsApp channel is off'))).toHaveLength(1)
      expect(lines.filter((line) => line.includes('WeChat channel is off'))).toHaveLength(1)
    } finally {
      await testApp.close()
    }
  })
})
