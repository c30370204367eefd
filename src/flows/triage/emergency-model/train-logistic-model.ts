export type LabelledExample = { features: string[], positive: boolean }

export type LogisticModel = { bias: number, weights: ReadonlyMap<string, number> }

export type TrainingOptions = { epochs?: number, learningRate?: number, l2?: number, seed?: number, averaged?: boolean }

/**
 * Logistic regression by stochastic gradient descent with a seeded order, so the same data always
 * gives the same weights (the committed weights file can be checked against its data). With
 * `averaged`, the weights returned are the mean of those after each epoch of the second half: with a
 * constant step the last epoch's weights depend on the last few examples seen, and a small change
 * to the data moved single answers across the threshold.
 */
export function trainLogisticModel (examples: readonly LabelledExample[], options: TrainingOptions = {}): { bias: number, weights: Map<string, number> } {
  const { epochs = 30, learningRate = 0.1, l2 = 1e-4, seed = 11, averaged = false } = options
  const weights = new Map<string, number>()
  let bias = 0
  const sum = { bias: 0, weights: new Map<string, number>(), epochs: 0 }
  const random = mulberry32(seed)
  const order = examples.map((_, index) => index)
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random)
    for (const index of order) {
      const { features, positive } = examples[index]!
      const probability = scoreFeatures({ bias, weights }, features)
      const gradient = probability - (positive ? 1 : 0)
      bias -= learningRate * gradient
      for (const feature of features) {
        const value = weights.get(feature) ?? 0
        weights.set(feature, value - learningRate * (gradient + l2 * value))
      }
    }
    if (averaged && epoch >= epochs / 2) {
      sum.bias += bias
      sum.epochs += 1
      for (const [feature, value] of weights) sum.weights.set(feature, (sum.weights.get(feature) ?? 0) + value)
    }
  }
  if (!averaged) return { bias, weights }
  return { bias: sum.bias / sum.epochs, weights: new Map([...sum.weights].map(([feature, value]) => [feature, value / sum.epochs])) }
}

export function sigmoid (value: number): number {
  return 1 / (1 + Math.exp(-value))
}

/** The probability a trained model gives to one message's features. */
export function scoreFeatures (model: LogisticModel, features: readonly string[]): number {
  return sigmoid(model.bias + features.reduce((sum, feature) => sum + (model.weights.get(feature) ?? 0), 0))
}

function mulberry32 (seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state)
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle (items: number[], random: () => number): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[items[index], items[other]] = [items[other]!, items[index]!]
  }
}
