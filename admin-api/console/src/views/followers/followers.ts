import type { components } from '@/api/schema'
import { DEFAULT_ZONE, zonedInstant } from '@/lib/zone'

/** The follower and tag calls' shapes, from the generated client. */
export type FollowerView = components['schemas']['FollowerView']
export type SyncProgress = components['schemas']['Progress']
export type Tag = components['schemas']['Tag']

/** WeChat's limits (the API checks them again). */
export const TAG_NAME_MAX = 30
export const REMARK_MAX = 30
export const REASON_MAX = 200

/** Tags 0, 1 and 2 are WeChat's own: they cannot be renamed or deleted. */
export function isReservedTag(id: number): boolean {
  return id >= 0 && id <= 2
}

/** Characters as WeChat counts them (code points: 𠀀 or an emoji is one). */
export function charCount(text: string): number {
  return [...text].length
}

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u

/**
 * What is wrong with a tag name, remark or reason before it is sent: an i18n key, or null.
 * Empty is allowed only where `emptyAllowed` (a remark may be removed).
 */
export function textProblem(text: string, max: number, emptyAllowed = false): string | null {
  const value = text.trim()
  if (value === '') return emptyAllowed ? null : 'followers.problem.empty'
  if (charCount(value) > max) return 'followers.problem.tooLong'
  if (INVISIBLE.test(value)) return 'followers.problem.invisible'
  return null
}

export interface FollowerFilter {
  tagId: number | null
  scene: string | null
  from: string | null
  to: string | null
  blacklisted: boolean
  page: number
  size: number
}

export function emptyFilter(): FollowerFilter {
  return { tagId: null, scene: null, from: null, to: null, blacklisted: false, page: 0, size: 20 }
}

/**
 * The list's query string. Dates (yyyy-mm-dd, as the date pickers give them) are whole days
 * in the account's time zone (its offset on that day, daylight saving included): from the
 * start of `from` to the start of the day after `to`.
 */
export function followerQuery(f: FollowerFilter, zone: string = DEFAULT_ZONE): string {
  const q = new URLSearchParams()
  q.set('page', String(f.page))
  q.set('size', String(f.size))
  if (f.tagId !== null) q.set('tagId', String(f.tagId))
  if (f.scene) q.set('scene', f.scene)
  if (f.from) q.set('subscribedFrom', zonedInstant(f.from, '00:00', zone))
  if (f.to) q.set('subscribedTo', zonedInstant(nextDay(f.to), '00:00', zone))
  if (f.blacklisted) q.set('blacklisted', 'true')
  return q.toString()
}

/** The day after a yyyy-mm-dd date. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/** Percent done of a sync, 0 to 100; null while WeChat's total is unknown. */
export function syncPercent(p: Pick<SyncProgress, 'done' | 'total' | 'state'>): number | null {
  if (p.state === 'COMPLETE') return 100
  if (p.total === undefined || p.total === null || p.total <= 0) return null
  return Math.min(100, Math.floor(((p.done ?? 0) * 100) / p.total))
}

/** Seconds left as "1 h 02 min", "3 min 05 s" or "42 s"; '' when unknown. */
export function formatEta(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return ''
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const r = s % 60
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  if (m > 0) return `${m} min ${String(r).padStart(2, '0')} s`
  return `${r} s`
}

/** Whether the sync still moves (the page keeps polling it). */
export function syncActive(p: Pick<SyncProgress, 'state'> | null | undefined): boolean {
  return !!p && (p.state === 'RUNNING' || p.state === 'SWEEPING')
}

/** The last characters of an openid, as lists show it (the whole one is in the title). */
export function shortOpenid(openid: string): string {
  return openid.length > 10 ? '…' + openid.slice(-10) : openid
}
