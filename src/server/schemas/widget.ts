import { z } from 'zod'

export const publicWidgetSettingsSchema = z.object({
  clinicId: z.string(),
  name: z.record(z.string(), z.string()),
  title: z.record(z.string(), z.string()),
  defaultLocale: z.string(),
  locales: z.array(z.string()),
  emergencyNumber: z.string(),
  palette: z.object({ brand: z.string(), onBrand: z.string(), accent: z.string() }),
  logoUrl: z.string().nullable(),
  greeting: z.record(z.string(), z.string())
}).describe('PublicWidgetSettings')
