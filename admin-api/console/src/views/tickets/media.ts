import { serverNow } from '@/lib/clock'
import type { TicketEntry, TicketMedia } from './api'

/** WeChat keeps temporary media (what followers send) for 3 days. */
export const WECHAT_MEDIA_MS = 3 * 24 * 3600 * 1000

export interface MediaView {
  state: 'AVAILABLE' | 'EXPIRED' | 'REMOVED'
  url: string
  recognition: string | null
}

/**
 * What the thread shows for an image or voice: the server's media state when it sent one
 * (AVAILABLE, EXPIRED, REMOVED), else the 3-day rule on the server's clock; only an
 * available item gets a link. A voice's text is WeChat's recognition.
 */
export function mediaView(entry: TicketEntry, media: TicketMedia | undefined, fallbackUrl: string, now: number = serverNow()): MediaView {
  const recognition = media?.recognition ?? (entry.msgType === 'voice' ? entry.content ?? null : null)
  if (media?.state) {
    return { state: media.state as MediaView['state'], url: media.url || fallbackUrl, recognition: recognition || null }
  }
  const old = !!entry.createdAt && now - Date.parse(entry.createdAt) > WECHAT_MEDIA_MS
  return { state: old ? 'EXPIRED' : 'AVAILABLE', url: fallbackUrl, recognition: recognition || null }
}
