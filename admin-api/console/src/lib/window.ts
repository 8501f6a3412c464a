import { daysBetween, localDate, localTime, DEFAULT_ZONE } from './zone'

/**
 * WeChat's customer-service window: after a follower's last message the account may send
 * them messages for 48 hours (and only a few). This turns the server's answer into what the
 * reply box shows, against the server's clock, with the closing time in the account's zone.
 */
export interface ServiceWindow {
  open?: boolean
  closesAt?: string | null
  messagesLeft?: number | null
  accountZone?: string | null
}

export interface WindowState {
  /** Whether a reply can still reach the follower now. */
  open: boolean
  /** Why not, when not open: the time ran out, or the messages did. */
  reason: 'time' | 'messages' | null
  remainingMs: number
  hours: number
  minutes: number
  messagesLeft: number | null
  /** Local closing time in the account's zone, HH:mm. */
  closesAtTime: string
  /** Local closing date in the account's zone, yyyy-MM-dd. */
  closesAtDate: string
  /** Closing day relative to "now" in the account's zone: 0 today, 1 tomorrow, 2 the day after. */
  closesDayOffset: number
  zone: string
}

export function windowState(w: ServiceWindow | null | undefined, nowMs: number): WindowState {
  const zone = w?.accountZone || DEFAULT_ZONE
  const closes = w?.closesAt ? Date.parse(w.closesAt) : NaN
  const messagesLeft = w?.messagesLeft ?? null
  const remainingMs = Number.isNaN(closes) ? 0 : Math.max(0, closes - nowMs)
  const timeLeft = remainingMs > 0
  const messagesOk = messagesLeft === null || messagesLeft > 0
  const open = (w?.open ?? true) && timeLeft && messagesOk
  const totalMinutes = Math.floor(remainingMs / 60_000)
  return {
    open,
    reason: open ? null : !messagesOk && timeLeft ? 'messages' : 'time',
    remainingMs,
    hours: Math.floor(totalMinutes / 60),
    minutes: totalMinutes % 60,
    messagesLeft,
    closesAtTime: Number.isNaN(closes) ? '' : localTime(closes, zone),
    closesAtDate: Number.isNaN(closes) ? '' : localDate(closes, zone),
    closesDayOffset: Number.isNaN(closes) ? 0 : daysBetween(localDate(nowMs, zone), localDate(closes, zone)),
    zone,
  }
}
