import { describe, expect, it } from 'vitest'
import { generateReference, normaliseReference } from '../../src/appointments/appointment-reference.ts'
import { normalisePatientName } from '../../src/appointments/patient-name.ts'
import { maskPhone, normalisePhone } from '../../src/appointments/phone-number.ts'

describe('normalisePhone', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['86-138-1234-5678', '+8613812345678'],
    ['１３８１２３４５６７８', '+8613812345678'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['0044 20 7946 0958', '+442079460958']
  ])('accepts %s as %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected)
  })

  it.each(['12812345678', '1381234567', '010-5555-0100', '+1234567', '+1234567890123456', 'call me', ''])('rejects %s', (input) => {
    expect(normalisePhone(input)).toBeNull()
  })

  it('masks the normalised number', () => {
    expect(maskPhone('+8613812345678')).toBe('+86138****5678')
  })
})

describe('normalisePatientName', () => {
  it.each([['张伟', '张伟'], ['  Mary  Ann O\'Neil ', 'Mary Ann O\'Neil'], ['阿卜杜拉·买买提', '阿卜杜拉·买买提'], ['J.-P. Sartre', 'J.-P. Sartre']])('accepts %s', (input, expected) => {
    expect(normalisePatientName(input)).toBe(expected)
  })

  it.each(['', '   ', '---', 'R2D2', 'name@example.com', 'x'.repeat(61)])('rejects %j', (input) => {
    expect(normalisePatientName(input)).toBeNull()
  })
})

describe('appointment references', () => {
  it('are APT- and six Crockford base32 characters', () => {
    for (let index = 0; index < 50; index++) expect(generateReference()).toMatch(/^APT-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{6}$/)
    expect(generateReference(() => new Uint8Array([0, 1, 31, 32, 63, 255]))).toBe('APT-01Z0ZZ')
  })

  it('normalise what patients type', () => {
    expect(normaliseReference('apt-7k2m9q')).toBe('APT-7K2M9Q')
    expect(normaliseReference(' 7k2m9q ')).toBe('APT-7K2M9Q')
    expect(normaliseReference('APT 7K2-M9Q')).toBe('APT-7K2M9Q')
    expect(normaliseReference('APT-OIL000')).toBe('APT-011000')
    expect(normaliseReference('APT-7K2M9')).toBeNull()
    expect(normaliseReference('APT-7K2M9U')).toBeNull()
  })
})
