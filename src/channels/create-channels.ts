import type { FastifyPluginAsync } from 'fastify'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { ClinicDirectory } from '../clinics/clinic-directory.ts'
import type { ConversationService } from '../conversations/conversation-service.ts'
import type { Database } from '../db/database.ts'
import type { JobQueue } from '../delivery/job-queue.ts'
import type { Logger } from '../logger.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import { createChannelPipeline, type ChannelPipeline } from './channel-pipeline.ts'
import { createChannelStore } from './channel-store.ts'
import { createWeChatAccessTokens } from './wechat/wechat-access-token.ts'
import { createWeChatAdapter, type WeChatAccounts } from './wechat/wechat-adapter.ts'
import { wechatRoutes } from './wechat/wechat-routes.ts'
import { createWhatsAppAdapter } from './whatsapp/whatsapp-adapter.ts'
import { whatsappRoutes } from './whatsapp/whatsapp-routes.ts'

export type Channels = {
  pipeline: ChannelPipeline
  /** Webhook routes of the channels that are on (a channel that is off has none: 404). */
  routes: FastifyPluginAsync[]
  /** For /health: which channels are on. */
  enabled: { web: true, whatsapp: boolean, wechat: boolean }
}

type ChannelOptions = {
  config: Config
  database: Database
  jobs: JobQueue
  conversations: ConversationService
  clinics: ClinicDirectory
  cipher: MessageCipher
  clock: Clock
  logger: Logger
}

/** Builds the WhatsApp and WeChat channels that have settings; says once at start which are off. */
export function createChannels (options: ChannelOptions): Channels {
  const { config, clock, logger } = options
  const store = createChannelStore(options.database, options.cipher)
  const pipeline = createChannelPipeline({ conversations: options.conversations, jobs: options.jobs, store, cipher: options.cipher, clock, logger })
  const routes: FastifyPluginAsync[] = []

  if (config.whatsapp) {
    const adapter = createWhatsAppAdapter({ settings: config.whatsapp, clinics: options.clinics, store, logger })
    pipeline.addAdapter(adapter)
    routes.push(whatsappRoutes({ settings: config.whatsapp, adapter, pipeline, clinicId: config.defaultClinicId, clock }))
  } else {
    logger.info('WhatsApp channel is off: WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID are not set (/webhooks/whatsapp answers 404)')
  }

  const accounts = weChatAccounts(config, options.clinics)
  const wechatOn = config.wechat !== undefined
  // Clinics may have their own Official Account (settings.wechat) even when WECHAT_* is unset.
  pipeline.addAdapter(createWeChatAdapter({ accounts, tokens: createWeChatAccessTokens({ database: options.database, clock }) }))
  routes.push(wechatRoutes({ accountFor: accounts, pipeline, clock, replyDeadlineMs: config.wechatApi.replyDeadlineMs, logger }))
  if (!wechatOn) logger.info('WeChat channel is off for the default clinic: WECHAT_TOKEN, WECHAT_APP_ID and WECHAT_APP_SECRET are not set (/webhooks/wechat answers 404; a clinic with its own account in settings.wechat uses /webhooks/wechat/:clinicId)')

  return { pipeline, routes, enabled: { web: true, whatsapp: config.whatsapp !== undefined, wechat: wechatOn } }
}

function weChatAccounts (config: Config, clinics: ClinicDirectory): WeChatAccounts {
  const apiBaseUrl = config.wechatApi.baseUrl
  return async (clinicId) => {
    const id = clinicId ?? config.defaultClinicId
    const own = (await clinics.find(id))?.settings.wechat
    if (own) return { clinicId: id, account: { ...own, apiBaseUrl } }
    if (config.wechat && id === config.defaultClinicId) return { clinicId: id, account: { ...config.wechat, apiBaseUrl } }
    return null
  }
}
