import type { WhatsAppSettings } from '../../config.ts'
import type { ClinicDirectory } from '../../clinics/clinic-directory.ts'
import { PermanentJobError, RetryableJobError } from '../../delivery/job-errors.ts'
import type { ChannelAdapter } from '../channel-adapter.ts'
import type { ChannelStore } from '../channel-store.ts'
import { callProvider, classifyHttpFailure } from '../provider-http.ts'
import { formatWhatsAppMessage } from './whatsapp-format.ts'
import { readWhatsAppNotification } from './whatsapp-payload.ts'
import { verifyHubSignature } from './whatsapp-signature.ts'

// Graph error codes that mean "later" even when the HTTP status is a 4xx (rate limits, throughput
// upgrade, transient service errors); every other provider error is permanent.
const RETRYABLE_CODES = new Set([1, 2, 4, 17, 341, 80007, 130429, 131000, 131016, 131056, 131057, 133004, 135000])

type AdapterOptions = {
  settings: WhatsAppSettings
  clinics: ClinicDirectory
  store: ChannelStore
  logger?: { warn: (details: Record<string, unknown>, message: string) => void } | undefined
}

/** The WhatsApp Cloud API: X-Hub-Signature-256 webhooks in, POST /{phone-number-id}/messages out. */
export function createWhatsAppAdapter (options: AdapterOptions): ChannelAdapter {
  const { settings } = options
  const templateOf = async (clinicId: string) => (await options.clinics.find(clinicId))?.settings.whatsappTemplate
  return {
    channel: 'whatsapp',

    verify: async (raw) => verifyHubSignature(settings.appSecret, raw.body, raw.headers['x-hub-signature-256']),

    async normalise (raw, now) {
      const { clinicId } = raw
      const notifications = readWhatsAppNotification(JSON.parse(raw.body.toString('utf8')), clinicId, now)
      const events = []
      for (const notification of notifications) {
        // One app may serve several numbers: only this service's number is answered here.
        if (notification.phoneNumberId !== null && notification.phoneNumberId !== settings.phoneNumberId) {
          options.logger?.warn({ phoneNumberId: notification.phoneNumberId }, 'WhatsApp notification for another phone number ignored')
          continue
        }
        for (const status of notification.statuses) {
          await options.store.recordStatus({ channel: 'whatsapp', providerMessageId: status.providerMessageId, status: status.status, at: status.at, clinicId, ...(status.errors ? { error: status.errors } : {}) })
        }
        events.push(...notification.events)
      }
      return events
    },

    format: (message, context) => formatWhatsAppMessage(message, context, undefined),

    async send (message, context) {
      const body = formatWhatsAppMessage(message, context, await templateOf(context.clinicId))
      if (!body) throw new PermanentJobError(`outside the 24-hour customer-service window and clinic ${context.clinicId} has no approved WhatsApp template (settings.whatsappTemplate)`)
      const response = await callProvider({
        url: `${settings.apiBaseUrl}/${encodeURIComponent(settings.phoneNumberId)}/messages`,
        body: { ...body, biz_opaque_callback_data: context.idempotencyKey },
        headers: { authorization: `Bearer ${settings.accessToken}`, 'x-idempotency-key': context.idempotencyKey }
      })
      if (response.status >= 200 && response.status < 300) {
        const id = (response.json as { messages?: Array<{ id?: unknown }> } | null)?.messages?.[0]?.id
        return { providerMessageId: typeof id === 'string' ? id : null }
      }
      const error = (response.json as { error?: { code?: number, message?: string, error_data?: { details?: string } } } | null)?.error
      const description = `WhatsApp answered HTTP ${response.status}${error ? `: (#${error.code ?? '?'}) ${error.message ?? ''}${error.error_data?.details ? ` ${error.error_data.details}` : ''}` : ''}`
      if (error?.code !== undefined && RETRYABLE_CODES.has(error.code)) throw new RetryableJobError(description, { retryAfterMs: response.retryAfterMs })
      const failure = classifyHttpFailure(response, 'WhatsApp')
      failure.message = description
      throw failure
    }
  }
}
