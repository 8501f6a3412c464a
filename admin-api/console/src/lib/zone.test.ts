import { describe, expect, it } from 'vitest'
import { daysBetween, formatInZone, localDate } from './zone'

describe('times in the account zone', () => {
  it('formats an instant in Shanghai, not in the (UTC) browser zone', () => {
    expect(formatInZone('2026-12-01T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-02 00:30')
    expect(formatInZone('2026-12-01T16:30:00Z', 'UTC')).toBe('2026-12-01 16:30')
  })

  it('shows nothing for no time', () => {
    expect(formatInZone(null)).toBe('')
    expect(formatInZone('garbage')).toBe('')
  })

  it('counts local days across a month end', () => {
    expect(localDate(Date.parse('2026-11-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-01')
    expect(daysBetween('2026-11-30', '2026-12-02')).toBe(2)
  })
})
