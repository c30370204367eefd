import { z } from 'zod'
import { widgetPalette, type WidgetPalette } from './widget-palette.ts'

const localizedText = (max: number) => z.object({ 'zh-CN': z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).partial()

// An origin is scheme://host[:port] exactly as a browser sends it in the Origin header.
const origin = z.string().trim().regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'must be an origin such as https://www.example-clinic.cn (scheme, host, optional port; no path)')

// Shown in the widget as an <img>: an http(s) address, a path on this service, or a small data: image.
const logoUrl = z.string().trim().max(64_000).refine(
  (value) => /^(https?:\/\/|\/)[^\s"'<>]*$/i.test(value) || /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[a-z0-9+/=]+$/i.test(value),
  'must be an http(s) URL, a path starting with /, or a base64 data:image URL')

/** What clinic staff set for their widget (stored in clinics.settings.widget). */
export const widgetSettingsSchema = z.object({
  primaryColor: z.string().trim().regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a colour #rgb or #rrggbb'),
  logoUrl: logoUrl.nullable(),
  greeting: localizedText(300),
  title: localizedText(60),
  allowedOrigins: z.array(origin).max(50)
}).strict()

export type WidgetSettings = z.infer<typeof widgetSettingsSchema>

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = { primaryColor: '#0b6e4f', logoUrl: null, greeting: {}, title: {}, allowedOrigins: [] }

/** What any browser may read: no origins list, colours already made AA-safe. */
export type PublicWidgetSettings = {
  clinicId: string
  name: Record<string, string>
  title: Record<string, string>
  defaultLocale: string
  locales: string[]
  emergencyNumber: string
  palette: WidgetPalette
  logoUrl: string | null
  greeting: Record<string, string>
}

/**
 * Stored settings as saved, with defaults for what is missing. A value that no longer passes the
 * schema (edited by hand in the database) falls back to its default instead of breaking the widget.
 */
export function readWidgetSettings (stored: unknown): WidgetSettings {
  const record = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>
  const settings = { ...DEFAULT_WIDGET_SETTINGS }
  for (const key of Object.keys(DEFAULT_WIDGET_SETTINGS) as Array<keyof WidgetSettings>) {
    if (record[key] === undefined) continue
    const parsed = widgetSettingsSchema.shape[key].safeParse(record[key])
    if (parsed.success) Object.assign(settings, { [key]: parsed.data })
  }
  return settings
}

export function toPublicWidgetSettings (input: { clinicId: string, name: Record<string, string>, defaultLocale: string, emergencyNumber: string, widget: WidgetSettings }): PublicWidgetSettings {
  const { widget } = input
  return {
    clinicId: input.clinicId,
    name: input.name,
    title: widget.title as Record<string, string>,
    defaultLocale: input.defaultLocale,
    locales: ['zh-CN', 'en'],
    emergencyNumber: input.emergencyNumber,
    palette: widgetPalette(widget.primaryColor),
    logoUrl: widget.logoUrl,
    greeting: widget.greeting as Record<string, string>
  }
}
