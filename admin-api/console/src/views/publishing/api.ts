import type { components } from '@/api/schema'

/** The publishing calls' shapes, from the generated client. */
export type SendView = components['schemas']['SendView']
export type QueueItem = components['schemas']['QueueItem']
export type Tag = components['schemas']['Tag']
export type ComposeRequest = components['schemas']['ComposeRequest']

export type Kind = 'MPNEWS' | 'TEXT' | 'IMAGE'
export type AudienceKind = 'ALL' | 'TAG' | 'OPENIDS'
export const KINDS: Kind[] = ['MPNEWS', 'TEXT', 'IMAGE']
export const AUDIENCES: AudienceKind[] = ['ALL', 'TAG', 'OPENIDS']
export const SEND_STATUSES = ['COMPOSED', 'PREVIEWED', 'CONFIRMED', 'SENDING', 'SENT', 'FINISHED', 'FAILED', 'CANCELLED', 'DELETED'] as const

/** What the compose form holds; nothing is chosen for the person (audience, reprint). */
export interface ComposeForm {
  kind: Kind
  count: number
  text: string
  imageMediaId: string
  departmentId: number | null
  sensitivity: 'GENERAL' | 'SENSITIVE' | 'MAJOR'
  audience: AudienceKind | null
  tagId: number | null
  openids: string
  sendIgnoreReprint: boolean | null
  day: string | null
  time: string | null
}

/**
 * The form as the compose page opens it: a news message of the queue head, and nothing the
 * rules want the person to choose (audience, reprint handling, the day) chosen for them.
 */
export function emptyComposeForm(): ComposeForm {
  return {
    kind: 'MPNEWS',
    count: 1,
    text: '',
    imageMediaId: '',
    departmentId: null,
    sensitivity: 'GENERAL',
    audience: null,
    tagId: null,
    openids: '',
    sendIgnoreReprint: null,
    day: null,
    time: null,
  }
}

export function openidList(text: string): string[] {
  return text
    .split(/[\s,;，；]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Problems the page explains before asking the API (the API checks them again). */
export function composeProblems(f: ComposeForm, queueLength: number): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.kind === 'MPNEWS' && (queueLength === 0 || f.count < 1)) out.articleIds = 'publishing.compose.errors.queueEmpty'
  if (f.kind === 'TEXT' && f.text.trim() === '') out.text = 'publishing.compose.errors.textRequired'
  if (f.kind === 'IMAGE' && f.imageMediaId.trim() === '') out.imageMediaId = 'publishing.compose.errors.imageRequired'
  if (f.kind !== 'MPNEWS' && !f.departmentId) out.departmentId = 'publishing.compose.errors.departmentRequired'
  if (!f.audience) out.audience = 'publishing.compose.errors.audienceRequired'
  if (f.audience === 'TAG' && !f.tagId) out.tagId = 'publishing.compose.errors.tagRequired'
  if (f.audience === 'OPENIDS') {
    const n = openidList(f.openids).length
    if (n < 2 || n > 10000) out.openids = 'publishing.compose.errors.openidCount'
  }
  if (f.sendIgnoreReprint === null) out.sendIgnoreReprint = 'publishing.compose.errors.reprintRequired'
  if (!f.day) out.slotAt = 'publishing.compose.errors.dayRequired'
  return out
}

/** The request for the form; `slotAt` as computed by the page from the slot picker. */
export function composeRequest(f: ComposeForm, accountId: number, queue: QueueItem[], slotAt: string | undefined): ComposeRequest {
  const body: ComposeRequest = { accountId, kind: f.kind, audience: f.audience ?? undefined, sendIgnoreReprint: f.sendIgnoreReprint ?? undefined, slotAt }
  if (f.kind === 'MPNEWS') body.articleIds = queue.slice(0, f.count).map((q) => q.articleId!)
  if (f.kind === 'TEXT') body.text = f.text
  if (f.kind === 'IMAGE') body.imageMediaId = f.imageMediaId.trim()
  if (f.kind !== 'MPNEWS') {
    body.departmentId = f.departmentId ?? undefined
    body.sensitivity = f.sensitivity
  }
  if (f.audience === 'TAG') body.tagId = f.tagId ?? undefined
  if (f.audience === 'OPENIDS') body.openids = openidList(f.openids)
  return body
}
