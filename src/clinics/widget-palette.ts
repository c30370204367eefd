/**
 * Colours of the chat widget derived from a clinic's brand colour so that every pairing the widget
 * draws meets WCAG 2.x AA (4.5:1 for normal text), whatever colour the clinic picked.
 */
export type WidgetPalette = {
  /** The clinic's colour: launcher, header and the patient's bubbles. */
  brand: string
  /** Text and icons on the brand colour: white or black, whichever contrasts more (one of them always reaches 4.5:1). */
  onBrand: string
  /** The brand colour darkened until it reads as text on white (links, focus rings, quick replies). */
  accent: string
}

const WHITE = '#ffffff'
const INK = '#000000'
const AA_NORMAL_TEXT = 4.5

export function widgetPalette (brand: string): WidgetPalette {
  const colour = normaliseHex(brand)
  const onBrand = contrastRatio(colour, WHITE) >= contrastRatio(colour, INK) ? WHITE : INK
  return { brand: colour, onBrand, accent: darkenUntilReadable(colour, WHITE) }
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio (first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

function darkenUntilReadable (colour: string, background: string): string {
  let [red, green, blue] = channels(colour)
  // 5% steps towards black always end: black on white is 21:1.
  while (contrastRatio(toHex(red, green, blue), background) < AA_NORMAL_TEXT) {
    [red, green, blue] = [red * 0.95, green * 0.95, blue * 0.95]
  }
  return toHex(red, green, blue)
}

function relativeLuminance (colour: string): number {
  const [red, green, blue] = channels(colour).map((channel) => {
    const value = channel / 255
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue
}

function channels (colour: string): [number, number, number] {
  const hex = normaliseHex(colour).slice(1)
  return [0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16)) as [number, number, number]
}

function toHex (red: number, green: number, blue: number): string {
  return `#${[red, green, blue].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`
}

/** #abc and #AABBCC become #aabbcc. */
export function normaliseHex (colour: string): string {
  const hex = colour.trim().toLowerCase()
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((digit) => digit + digit).join('')}`
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex
  throw new Error(`not a #rgb or #rrggbb colour: ${colour}`)
}
