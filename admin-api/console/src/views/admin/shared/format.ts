import { DEFAULT_ZONE, formatInZone } from '@/lib/zone'

/** An instant as the organisation reads it (yyyy-MM-dd HH:mm, Asia/Shanghai unless told); '' for none. */
export function when(iso: string | null | undefined, zone: string = DEFAULT_ZONE): string {
  return formatInZone(iso ?? undefined, zone)
}
