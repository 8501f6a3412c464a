/**
 * The audit search as the auditor fills it in, and the API query it becomes. Times are
 * entered as wall-clock times in one zone (the organisation's, Asia/Shanghai unless told
 * otherwise), whatever the browser's zone is; the API takes instants, `from` inclusive and
 * `to` exclusive, so a range "to 2026-11-30" means up to the end of that day.
 */
export interface AuditForm {
  /** A username, or a person's numeric id (usernames start with a letter). */
  person: string
  accountId: number | null
  action: string
  targetType: string
  /** 'YYYY-MM-DD' or 'YYYY-MM-DD HH:mm', wall-clock time in `zone`; '' for open. */
  from: string
  to: string
}

export interface AuditQuery {
  personId?: number
  username?: string
  accountId?: number
  action?: string
  targetType?: string
  from?: string
  to?: string
}

export const DEFAULT_AUDIT_ZONE = 'Asia/Shanghai'

export function emptyForm(): AuditForm {
  return { person: '', accountId: null, action: '', targetType: '', from: '', to: '' }
}

/** Offset of the zone from UTC at an instant, in milliseconds. */
function offsetAt(ms: number, zone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const p: Record<string, number> = {}
  for (const part of f.formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value)
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
  return asUtc - Math.floor(ms / 1000) * 1000
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * The instant (ISO-8601, UTC) of a wall-clock time in a zone; null when the text is not a
 * date. A time that a daylight-saving change skips resolves to the later offset's reading.
 */
export function zonedToInstant(local: string, zone: string = DEFAULT_AUDIT_ZONE): string | null {
  const m = LOCAL.exec(local.trim())
  if (!m) return null
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number)
  const wall = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(wall)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return null
  }
  let ms = wall - offsetAt(wall, zone)
  // Once more at the candidate: the offset may differ across a change near it.
  ms = wall - offsetAt(ms, zone)
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** The day after a 'YYYY-MM-DD' date. */
function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

export type AuditFormErrors = Partial<Record<'person' | 'from' | 'to', string>>

/**
 * The query the form asks for, or the fields that stop it (i18n keys). A date without a
 * time in `to` includes that whole day (the API's `to` is exclusive).
 */
export function buildQuery(form: AuditForm, zone: string = DEFAULT_AUDIT_ZONE): { query: AuditQuery; errors: AuditFormErrors } {
  const query: AuditQuery = {}
  const errors: AuditFormErrors = {}
  const person = form.person.trim()
  if (/^\d+$/.test(person)) {
    const id = Number(person)
    if (Number.isSafeInteger(id) && id > 0) query.personId = id
    else errors.person = 'auditor.audit.errors.personId'
  } else if (person) {
    query.username = person
  }
  if (form.accountId != null) query.accountId = form.accountId
  if (form.action.trim()) query.action = form.action.trim().toUpperCase()
  if (form.targetType.trim()) query.targetType = form.targetType.trim().toUpperCase()
  const from = form.from.trim()
  if (from) {
    const at = zonedToInstant(from, zone)
    if (at) query.from = at
    else errors.from = 'auditor.audit.errors.date'
  }
  const to = form.to.trim()
  if (to) {
    const wholeDay = /^\d{4}-\d{2}-\d{2}$/.test(to)
    const at = zonedToInstant(wholeDay ? nextDay(to) : to, zone)
    if (at) query.to = at
    else errors.to = 'auditor.audit.errors.date'
  }
  if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from)) {
    errors.to = 'auditor.audit.errors.order'
  }
  return { query, errors }
}

/** The form as route query parameters, so a search is a link (only the filled fields). */
export function toRouteQuery(form: AuditForm): Record<string, string> {
  const out: Record<string, string> = {}
  if (form.person.trim()) out.person = form.person.trim()
  if (form.accountId != null) out.account = String(form.accountId)
  if (form.action.trim()) out.action = form.action.trim()
  if (form.targetType.trim()) out.target = form.targetType.trim()
  if (form.from.trim()) out.from = form.from.trim()
  if (form.to.trim()) out.to = form.to.trim()
  return out
}

/** The form a link asks for; unknown or malformed parameters are ignored. */
export function fromRouteQuery(q: Record<string, unknown>): AuditForm {
  const text = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
  const account = text(q.account)
  return {
    person: text(q.person),
    accountId: /^\d+$/.test(account) ? Number(account) : null,
    action: text(q.action),
    targetType: text(q.target),
    from: text(q.from),
    to: text(q.to),
  }
}

/** The export URL for the query (same origin; the session cookie goes along). */
export function exportUrl(query: AuditQuery, format: 'csv' | 'json'): string {
  const params = new URLSearchParams({ format })
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  }
  return '/api/audit/export?' + params.toString()
}

/**
 * What the export's headers say about its completeness: the API cuts an export at its
 * limit and says so, and the auditor must be told to narrow the range.
 */
export function exportCompleteness(headers: Pick<Headers, 'get'>): { total: number | null; limit: number | null; truncated: boolean } {
  const num = (name: string) => {
    const v = headers.get(name)
    return v != null && /^\d+$/.test(v) ? Number(v) : null
  }
  return { total: num('X-Export-Total'), limit: num('X-Export-Limit'), truncated: headers.get('X-Export-Truncated') === 'true' }
}

/** The file name a Content-Disposition header gives, or the fallback. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
  const plain = /filename=("?)([^";]+)\1/i.exec(disposition)
  return plain ? plain[2].trim() : fallback
}
