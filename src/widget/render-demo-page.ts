/** Fills the demo page template: which clinic the embedded widget talks to, and in which language. */
export function renderDemoPage (template: string, values: { clinicId: string, locale: 'zh-CN' | 'en' }): string {
  const replacements: Record<string, string> = {
    clinicId: escapeAttribute(values.clinicId),
    locale: values.locale,
    lang: values.locale === 'zh-CN' ? 'zh-CN' : 'en'
  }
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => replacements[name] ?? whole)
}

function escapeAttribute (value: string): string {
  return value.replace(/[&"'<>]/g, (character) => `&#${character.charCodeAt(0)};`)
}
