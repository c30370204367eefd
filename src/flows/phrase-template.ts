/**
 * Phrase templates: `{{name}}` is a required variable, `[[ … ]]` an optional part that is left
 * out whole when any variable inside it is empty ("{{department}}[[ with {{doctor}}]]").
 * A required variable that is empty or missing is a hole in the reply: it is reported, never
 * rendered as an empty string.
 */
const VARIABLE = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g

export type RenderedTemplate = { text: string, missing: string[] }

export class MissingPhraseVariableError extends Error {
  readonly missing: string[]
  constructor (group: string, missing: string[]) {
    super(`phrase ${group} needs ${missing.map((name) => `{{${name}}}`).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} empty`)
    this.name = 'MissingPhraseVariableError'
    this.missing = missing
  }
}

export function renderTemplate (body: string, variables: Record<string, string | undefined>): RenderedTemplate {
  const filled = (name: string) => (variables[name] ?? '').trim() !== ''
  const withOptional = body.replace(OPTIONAL, (_match, inner: string) => variableNames(inner).every(filled) ? inner : '')
  const missing = [...new Set(variableNames(withOptional).filter((name) => !filled(name)))]
  const text = withOptional.replace(VARIABLE, (_match, name: string) => variables[name] ?? '')
  return { text, missing }
}

/** The variables a template needs whatever happens (those outside optional parts). */
export function requiredVariables (body: string): string[] {
  return [...new Set(variableNames(body.replace(OPTIONAL, '')))]
}

function variableNames (text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((match) => match[1]!)
}
