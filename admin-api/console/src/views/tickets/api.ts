import { api, unwrap } from '@/api/client'
import type { components } from '@/api/schema'

/**
 * The ticket calls the pages make. Types come from the generated client; the members the
 * console needs beyond it (the reply window, a row's excerpt) are declared here until the
 * description carries them.
 */
export type TicketView = components['schemas']['TicketView']
export type TicketEntry = components['schemas']['TicketEntry']
export type TicketMedia = NonNullable<components['schemas']['TicketDetail']['media']>[number]
export interface TicketWindow {
  open?: boolean
  closesAt?: string | null
  messagesLeft?: number | null
  serverTime?: string
  accountZone?: string
}
export type TicketDetail = Omit<components['schemas']['TicketDetail'], 'ticket' | 'thread'> & {
  ticket?: TicketView
  thread?: TicketEntry[]
  window?: TicketWindow
}
export interface Page<T> {
  items?: T[]
  page?: number
  size?: number
  total?: number
}
export type DutyView = { unacknowledged?: TicketView[]; unacknowledgedTotal?: number; overdue?: TicketView[]; overdueTotal?: number }

export const STATUSES = ['NEW', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const
export const CATEGORIES = ['CONSULTATION', 'COMPLAINT', 'REPORT_PETITION', 'SUGGESTION', 'MALICIOUS'] as const

export interface QueueFilter {
  accountId: number | null
  status: string | null
  category: string | null
  mine: boolean
  unassigned: boolean
  includeHidden: boolean
  page: number
  size: number
}

/** The queue URL for a filter (also what the poller revalidates with If-None-Match). */
export function queueUrl(f: QueueFilter): string {
  const q = new URLSearchParams()
  if (f.accountId) q.set('accountId', String(f.accountId))
  if (f.status) q.set('status', f.status)
  if (f.category) q.set('category', f.category)
  if (f.mine) q.set('mine', 'true')
  if (f.unassigned) q.set('unassigned', 'true')
  if (f.includeHidden) q.set('includeHidden', 'true')
  q.set('page', String(f.page))
  q.set('size', String(f.size))
  return '/api/tickets?' + q.toString()
}

export type Assignee = components['schemas']['Assignee']

export const tickets = {
  assignees: (id: number) => unwrap(api.GET('/api/tickets/{id}/assignees', { params: { path: { id } } })),
  claim: (id: number) => unwrap(api.POST('/api/tickets/{id}/claim', { params: { path: { id } } })),
  assign: (id: number, personId: number) => unwrap(api.POST('/api/tickets/{id}/assign', { params: { path: { id } }, body: { personId } })),
  transfer: (id: number, departmentId: number, reason: string) =>
    unwrap(api.POST('/api/tickets/{id}/transfer', { params: { path: { id } }, body: { departmentId, reason } })),
  note: (id: number, text: string) => unwrap(api.POST('/api/tickets/{id}/notes', { params: { path: { id } }, body: { text } })),
  status: (id: number, status: string) => unwrap(api.POST('/api/tickets/{id}/status', { params: { path: { id } }, body: { status } })),
  close: (id: number, method: string, result: string, satisfied: boolean | null) =>
    unwrap(api.POST('/api/tickets/{id}/close', { params: { path: { id } }, body: { method, result, satisfied: satisfied ?? undefined } })),
  flag: (id: number, reason: string) => unwrap(api.POST('/api/tickets/{id}/flag-removal', { params: { path: { id } }, body: { reason } })),
  reply: (id: number, content: string) =>
    unwrap(api.POST('/api/tickets/{id}/replies', { params: { path: { id } }, body: { msgType: 'text', content } })),
}
