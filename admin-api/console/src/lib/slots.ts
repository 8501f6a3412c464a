/**
 * The slot picker's arithmetic. "Today" and the taken days come from the server
 * (`GET /api/accounts/{id}/send-days`: `today` and `days` in the account's zone), never from
 * the browser's clock or zone: a publisher in Los Angeles at 09:00 on the 1st already sees the
 * Shanghai account's 2nd as today. Times typed in the picker are wall-clock times in the
 * account's zone and become instants with {@link zonedInstant}.
 */

import { zoneOffsetMs, zonedInstant } from './zone'

export interface TakenDay {
  day?: string
  sendId?: number
  status?: string
}
export interface MonthSlots {
  month?: string
  used?: number
  limit?: number
}
export interface SendDays {
  accountId?: number
  zone?: string
  today?: string
  from?: string
  to?: string
  days?: TakenDay[]
  months?: MonthSlots[]
}

export type DayState = 'past' | 'taken' | 'month-full' | 'free'

export interface SlotDay {
  /** yyyy-MM-dd in the account's zone. */
  day: string
  state: DayState
  today: boolean
  /** The send holding the day, when taken. */
  sendId?: number
  status?: string
}

/** yyyy-MM-dd plus n days (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  const ms = Date.parse(day + 'T00:00:00Z') + n * 86_400_000
  return new Date(ms).toISOString().slice(0, 10)
}

/** The month's used and limit for a service account; null when the account has no monthly limit. */
export function monthUsage(data: SendDays, day: string): { month: string; used: number; limit: number } | null {
  const month = day.slice(0, 7)
  const m = (data.months ?? []).find((x) => x.month === month)
  if (!m || m.limit === undefined || m.limit === null) return null
  return { month, used: m.used ?? 0, limit: m.limit }
}

/** One entry per day from `from` to `to` (both in the account's zone, as the server said). */
export function slotDays(data: SendDays): SlotDay[] {
  const from = data.from ?? data.today
  const to = data.to ?? from
  const today = data.today
  if (!from || !to || !today) return []
  const taken = new Map((data.days ?? []).filter((d) => d.day).map((d) => [d.day as string, d]))
  const out: SlotDay[] = []
  for (let day = from, i = 0; day <= to && i < 400; day = addDays(day, 1), i++) {
    const t = taken.get(day)
    let state: DayState = 'free'
    if (day < today) state = 'past'
    else if (t) state = 'taken'
    else {
      const m = monthUsage(data, day)
      if (m && m.used >= m.limit) state = 'month-full'
    }
    out.push({ day, state, today: day === today, sendId: t?.sendId, status: t?.status })
  }
  return out
}

/** The first day from today on that a new send may take; null when none in the range. */
export function firstFreeDay(data: SendDays): string | null {
  return slotDays(data).find((d) => d.state === 'free')?.day ?? null
}


/**
 * Whether a chosen slot may be asked for: a free day (or today), and, on today, a time not
 * before the server's now. `nowMs` is the server's clock (lib/clock.ts `serverNow()`).
 */
export function slotProblem(data: SendDays, day: string, time: string | null, zone: string, nowMs: number): 'day-taken' | 'month-full' | 'past' | null {
  const d = slotDays(data).find((x) => x.day === day)
  if (!d || d.state === 'past') return 'past'
  if (d.state === 'taken') return 'day-taken'
  if (d.state === 'month-full') return 'month-full'
  if (time && Date.parse(zonedInstant(day, time, zone)) < nowMs - 60_000) return 'past'
  return null
}

export { zoneOffsetMs, zonedInstant }
