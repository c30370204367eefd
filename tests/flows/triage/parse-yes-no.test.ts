import { describe, expect, it } from 'vitest'
import { parseYesNo } from '../../../src/flows/triage/parse-yes-no.ts'

describe('parseYesNo', () => {
  it.each([
    ['yes', 'yes'], ['yeah he is', 'yes'], ['是的', 'yes'], ['有', 'yes'], ['对的', 'yes'],
    ['no', 'no'], ['not really', 'no'], ['没有', 'no'], ['不是', 'no'], ['nope, nothing like that', 'no'],
    ["I don't know", 'unknown'], ["I'm not sure, I've told you everything I know", 'unknown'], ['不知道', 'unknown'], ['不清楚', 'unknown'], ['说不好', 'unknown'],
    ['没有了，就是我说的这些。', 'unknown'], ['就这些', 'unknown'], ["that's everything I know", 'unknown']
  ] as const)('%j → %s', (text, answer) => {
    expect(parseYesNo(text)).toBe(answer)
  })

  it('is null for a reply that is no yes, no or "don\'t know"', () => {
    expect(parseYesNo('my appointment is on Tuesday')).toBeNull()
    expect(parseYesNo('明天上午')).toBeNull()
  })
})
