import { afterEach, describe, expect, it } from 'vitest'
import { addDays, firstFreeDay, monthUsage, slotDays, slotProblem, zonedInstant, type SendDays } from './slots'
import { localDate } from './zone'

const originalTz = process.env.TZ

/** Runs the body with the process (the "browser") in another zone. */
function inBrowserZone(zone: string, body: () => void) {
  process.env.TZ = zone
  try {
    body()
  } finally {
    process.env.TZ = originalTz
  }
}

afterEach(() => {
  process.env.TZ = originalTz
})

// What the server answers at 2026-12-01T16:30Z: 00:30 on 2 December in Shanghai, while the
// browser's clock still says 1 December (UTC 16:30, Los Angeles 08:30).
const aroundMidnight: SendDays = {
  accountId: 7,
  zone: 'Asia/Shanghai',
  today: '2026-12-02',
  from: '2026-12-02',
  to: '2026-12-08',
  days: [
    { day: '2026-12-02', sendId: 41, status: 'CONFIRMED' },
    { day: '2026-12-04', sendId: 42, status: 'FINISHED' },
  ],
}

describe('the slot picker in the account zone', () => {
  for (const browser of ['UTC', 'America/Los_Angeles']) {
    it(`takes today and the taken days from the server, not the ${browser} browser, around local midnight`, () => {
      inBrowserZone(browser, () => {
        const nowMs = Date.parse('2026-12-01T16:30:00Z')
        // The browser would call this 1 December.
        expect(new Date(nowMs).getDate()).toBe(1)
        expect(localDate(nowMs, 'Asia/Shanghai')).toBe('2026-12-02')
        const days = slotDays(aroundMidnight)
        expect(days[0]).toMatchObject({ day: '2026-12-02', today: true, state: 'taken', sendId: 41 })
        expect(days.find((d) => d.day === '2026-12-01')).toBeUndefined()
        expect(days.filter((d) => d.state === 'taken').map((d) => d.day)).toEqual(['2026-12-02', '2026-12-04'])
        expect(days).toHaveLength(7)
        expect(firstFreeDay(aroundMidnight)).toBe('2026-12-03')
      })
    })
  }

  it('refuses a taken day before the API is asked, and allows the next free one', () => {
    const nowMs = Date.parse('2026-12-01T16:30:00Z')
    expect(slotProblem(aroundMidnight, '2026-12-02', null, 'Asia/Shanghai', nowMs)).toBe('day-taken')
    expect(slotProblem(aroundMidnight, '2026-12-03', '09:00', 'Asia/Shanghai', nowMs)).toBeNull()
    expect(slotProblem(aroundMidnight, '2026-12-01', null, 'Asia/Shanghai', nowMs)).toBe('past')
  })

  it('a time earlier today (in the account zone, by the server clock) is in the past', () => {
    const data: SendDays = { zone: 'Asia/Shanghai', today: '2026-12-02', from: '2026-12-02', to: '2026-12-03', days: [] }
    const nowMs = Date.parse('2026-12-02T02:00:00Z') // 10:00 in Shanghai
    expect(slotProblem(data, '2026-12-02', '09:30', 'Asia/Shanghai', nowMs)).toBe('past')
    expect(slotProblem(data, '2026-12-02', '10:30', 'Asia/Shanghai', nowMs)).toBeNull()
  })

  it('marks days before the server today as past even when the range starts earlier', () => {
    const data: SendDays = { today: '2026-12-02', from: '2026-11-30', to: '2026-12-02', days: [{ day: '2026-11-30', sendId: 1, status: 'FINISHED' }] }
    expect(slotDays(data).map((d) => d.state)).toEqual(['past', 'past', 'free'])
  })

  it("shows a service account's used/limit per month and fills the month once four are used", () => {
    const data: SendDays = {
      zone: 'Asia/Shanghai',
      today: '2026-12-30',
      from: '2026-12-30',
      to: '2027-01-02',
      days: [{ day: '2026-12-30', sendId: 5, status: 'CONFIRMED' }],
      months: [
        { month: '2026-12', used: 4, limit: 4 },
        { month: '2027-01', used: 1, limit: 4 },
      ],
    }
    expect(monthUsage(data, '2026-12-31')).toEqual({ month: '2026-12', used: 4, limit: 4 })
    expect(monthUsage(data, '2027-01-02')).toEqual({ month: '2027-01', used: 1, limit: 4 })
    expect(slotDays(data).map((d) => [d.day, d.state])).toEqual([
      ['2026-12-30', 'taken'],
      ['2026-12-31', 'month-full'],
      ['2027-01-01', 'free'],
      ['2027-01-02', 'free'],
    ])
    expect(firstFreeDay(data)).toBe('2027-01-01')
    expect(slotProblem(data, '2026-12-31', null, 'Asia/Shanghai', Date.parse('2026-12-30T01:00:00Z'))).toBe('month-full')
  })

  it('a subscription account has no monthly figure', () => {
    expect(monthUsage(aroundMidnight, '2026-12-03')).toBeNull()
  })

  it('turns a wall-clock time in the account zone into the instant, whatever the browser zone', () => {
    inBrowserZone('America/Los_Angeles', () => {
      expect(zonedInstant('2026-12-02', '00:30', 'Asia/Shanghai')).toBe('2026-12-01T16:30:00.000Z')
      expect(zonedInstant('2026-12-02', '09:00', 'UTC')).toBe('2026-12-02T09:00:00.000Z')
      // Across a daylight-saving change in the account's own zone.
      expect(zonedInstant('2026-03-08', '12:00', 'America/Los_Angeles')).toBe('2026-03-08T19:00:00.000Z')
      expect(zonedInstant('2026-03-07', '12:00', 'America/Los_Angeles')).toBe('2026-03-07T20:00:00.000Z')
    })
  })

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
  })
})
