/**
 * Times shown in an account's zone (Asia/Shanghai unless the account says otherwise),
 * never the browser's: a handler in another zone still sees the account's "today".
 */
export const DEFAULT_ZONE = 'Asia/Shanghai'

function parts(ms: number, zone: string): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const out: Record<string, string> = {}
  for (const p of f.formatToParts(new Date(ms))) out[p.type] = p.value
  return out
}

/** yyyy-MM-dd of an instant in the zone. */
export function localDate(ms: number, zone: string = DEFAULT_ZONE): string {
  const p = parts(ms, zone)
  return `${p.year}-${p.month}-${p.day}`
}

/** HH:mm of an instant in the zone. */
export function localTime(ms: number, zone: string = DEFAULT_ZONE): string {
  const p = parts(ms, zone)
  return `${p.hour}:${p.minute}`
}

/** yyyy-MM-dd HH:mm of an instant in the zone; '' for no time. */
export function formatInZone(iso: string | undefined | null, zone: string = DEFAULT_ZONE): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return ''
  return `${localDate(ms, zone)} ${localTime(ms, zone)}`
}

/** Whole days between two local dates (yyyy-MM-dd), b minus a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000)
}

/** The offset (ms) of a zone from UTC at an instant. */
export function zoneOffsetMs(ms: number, zone: string): number {
  const p = parts(ms, zone)
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
  return asUtc - Math.floor(ms / 1000) * 1000
}
/** The instant (ISO, UTC) of a wall-clock time (HH:mm) on a day in the zone. */
export function zonedInstant(day: string, time: string, zone: string): string {
  const [y, mo, d] = day.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  const wall = Date.UTC(y, mo - 1, d, h, mi)
  let ms = wall - zoneOffsetMs(wall, zone)
  // Once more at the result: the offset may differ there (a daylight-saving change).
  ms = wall - zoneOffsetMs(ms, zone)
  return new Date(ms).toISOString()
}
