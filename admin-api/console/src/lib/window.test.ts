import { describe, expect, it } from 'vitest'
import { windowState } from './window'

// Scenario 4: the browser runs in UTC (vite.config.ts sets TZ=UTC for the tests), the
// account in Asia/Shanghai (UTC+8). WeChat's window is counted on the server's clock.
describe('the 48-hour window across midnight in the account zone', () => {
  it('runs in a UTC browser', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('UTC')
    expect(new Date('2026-12-01T15:50:00Z').getHours()).toBe(15)
  })

  it('closes "tomorrow" in Shanghai when it closes after local midnight, though it is still "today" in UTC', () => {
    // Now: 2026-12-01 23:50 in Shanghai (15:50 UTC); closes 2026-12-02 00:30 Shanghai (16:30 UTC).
    const now = Date.parse('2026-12-01T15:50:00Z')
    const s = windowState({ open: true, closesAt: '2026-12-01T16:30:00Z', messagesLeft: 5, accountZone: 'Asia/Shanghai' }, now)
    expect(s.open).toBe(true)
    expect(s.hours).toBe(0)
    expect(s.minutes).toBe(40)
    expect(s.closesAtTime).toBe('00:30')
    expect(s.closesAtDate).toBe('2026-12-02')
    expect(s.closesDayOffset).toBe(1)
    expect(s.messagesLeft).toBe(5)
  })

  it('counts down through midnight without a jump', () => {
    const closes = '2026-12-01T16:30:00Z'
    const before = windowState({ closesAt: closes, accountZone: 'Asia/Shanghai' }, Date.parse('2026-12-01T15:59:30Z'))
    const after = windowState({ closesAt: closes, accountZone: 'Asia/Shanghai' }, Date.parse('2026-12-01T16:00:30Z'))
    expect([before.hours, before.minutes]).toEqual([0, 30])
    expect([after.hours, after.minutes]).toEqual([0, 29])
    // Past Shanghai midnight the closing day is "today" again.
    expect(before.closesDayOffset).toBe(1)
    expect(after.closesDayOffset).toBe(0)
  })

  it('a full 48-hour window opened just before midnight closes two local days later', () => {
    const now = Date.parse('2026-12-01T15:59:00Z') // 23:59 Shanghai
    const s = windowState({ closesAt: '2026-12-03T15:59:00Z', accountZone: 'Asia/Shanghai' }, now)
    expect([s.hours, s.minutes]).toEqual([48, 0])
    expect(s.closesDayOffset).toBe(2)
    expect(s.closesAtTime).toBe('23:59')
  })

  it('is closed at and after closesAt, and says the time ran out', () => {
    const s = windowState({ open: true, closesAt: '2026-12-01T16:30:00Z', messagesLeft: 3 }, Date.parse('2026-12-01T16:30:00Z'))
    expect(s.open).toBe(false)
    expect(s.reason).toBe('time')
    expect(s.remainingMs).toBe(0)
  })

  it('is closed when no messages are left, though time is', () => {
    const s = windowState({ open: true, closesAt: '2026-12-02T16:30:00Z', messagesLeft: 0 }, Date.parse('2026-12-01T16:30:00Z'))
    expect(s.open).toBe(false)
    expect(s.reason).toBe('messages')
  })

  it('follows the server saying closed even when the browser clock thinks otherwise', () => {
    const s = windowState({ open: false, closesAt: '2026-12-02T16:30:00Z', messagesLeft: 5 }, Date.parse('2026-12-01T16:30:00Z'))
    expect(s.open).toBe(false)
  })

  it('has no window at all for a ticket without one', () => {
    const s = windowState(undefined, Date.now())
    expect(s.open).toBe(false)
    expect(s.zone).toBe('Asia/Shanghai')
  })
})
