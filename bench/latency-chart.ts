export type ChartSeries = { label: string, color: string, dashed?: boolean, points: Array<{ concurrency: number, milliseconds: number }> }

const WIDTH = 760
const HEIGHT = 440
const MARGIN = { left: 70, right: 230, top: 40, bottom: 55 }

/**
 * Latency against concurrency as a hand-written SVG: x is log2(concurrency), y is log10(ms), one
 * polyline per series, and a dashed line at the p99 target.
 */
export function latencyChartSvg (series: ChartSeries[], options: { title: string, targetMilliseconds?: number }): string {
  const concurrencies = [...new Set(series.flatMap((line) => line.points.map((point) => point.concurrency)))].sort((left, right) => left - right)
  const values = series.flatMap((line) => line.points.map((point) => point.milliseconds)).filter((value) => value > 0)
  const yMin = 10 ** Math.floor(Math.log10(Math.max(0.1, Math.min(...values, options.targetMilliseconds ?? Infinity))))
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...values, options.targetMilliseconds ?? 0, yMin * 10)))
  const xLow = Math.log2(concurrencies[0] ?? 1)
  const xHigh = Math.log2(concurrencies.at(-1) ?? 2)
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const x = (concurrency: number) => MARGIN.left + (xHigh === xLow ? 0.5 : (Math.log2(concurrency) - xLow) / (xHigh - xLow)) * plotWidth
  const y = (milliseconds: number) => MARGIN.top + (1 - (Math.log10(Math.max(milliseconds, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * plotHeight
  const parts: string[] = []
  parts.push(`<text x="${WIDTH / 2 - MARGIN.right / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(options.title)}</text>`)
  for (let decade = yMin; decade <= yMax; decade *= 10) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${round(y(decade))}" y2="${round(y(decade))}" stroke="#ddd"/>`)
    parts.push(`<text x="${MARGIN.left - 8}" y="${round(y(decade)) + 4}" text-anchor="end" font-size="11">${decade >= 1 ? decade : decade.toFixed(1)}</text>`)
  }
  for (const concurrency of concurrencies) {
    parts.push(`<line x1="${round(x(concurrency))}" x2="${round(x(concurrency))}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#eee"/>`)
    parts.push(`<text x="${round(x(concurrency))}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle" font-size="11">${concurrency}</text>`)
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`)
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle" font-size="12">concurrent patients (log scale)</text>`)
  parts.push(`<text x="18" y="${MARGIN.top + plotHeight / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 18 ${MARGIN.top + plotHeight / 2})">latency, ms (log scale)</text>`)
  if (options.targetMilliseconds) {
    const targetY = round(y(options.targetMilliseconds))
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${targetY}" y2="${targetY}" stroke="#c00" stroke-dasharray="6 4"/>`)
    parts.push(`<text x="${MARGIN.left + plotWidth - 4}" y="${targetY - 5}" text-anchor="end" font-size="11" fill="#c00">p99 target ${options.targetMilliseconds} ms</text>`)
  }
  series.forEach((line, index) => {
    const points = line.points.map((point) => `${round(x(point.concurrency))},${round(y(point.milliseconds))}`).join(' ')
    const dash = line.dashed ? ' stroke-dasharray="5 3"' : ''
    parts.push(`<polyline points="${points}" fill="none" stroke="${line.color}" stroke-width="2"${dash}/>`)
    for (const point of line.points) parts.push(`<circle cx="${round(x(point.concurrency))}" cy="${round(y(point.milliseconds))}" r="3" fill="${line.color}"/>`)
    const legendY = MARGIN.top + 10 + index * 20
    const legendX = MARGIN.left + plotWidth + 15
    parts.push(`<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY}" y2="${legendY}" stroke="${line.color}" stroke-width="2"${dash}/>`)
    parts.push(`<text x="${legendX + 30}" y="${legendY + 4}" font-size="11">${escapeXml(line.label)}</text>`)
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif">\n` +
    `<rect width="100%" height="100%" fill="white"/>\n${parts.join('\n')}\n</svg>\n`
}

function round (value: number): number {
  return Math.round(value * 10) / 10
}

function escapeXml (text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
