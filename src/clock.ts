export type Clock = { now: () => Date }

export const systemClock: Clock = Object.freeze({ now: () => new Date() })
