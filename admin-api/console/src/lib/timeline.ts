/**
 * A mass send's timeline as the send page shows it: the path COMPOSED → PREVIEWED →
 * CONFIRMED → SENDING → SENT → FINISHED, where the send is on it, and how it ended (WeChat's
 * counts and article URLs, or the translated reason it failed). Labels are i18n keys under
 * `publishing.timeline` and `publishing.failure`.
 */

export const PATH = ['COMPOSED', 'PREVIEWED', 'CONFIRMED', 'SENDING', 'SENT', 'FINISHED'] as const
export type PathStatus = (typeof PATH)[number]
export type StepState = 'done' | 'current' | 'waiting' | 'failed' | 'skipped'

export interface SendLike {
  status?: string
  composedAt?: string
  createdAt?: string
  previewedAt?: string
  confirmedAt?: string
  acceptedAt?: string
  finishedAt?: string
  slotAt?: string
  errorCode?: number | null
  errorMessage?: string | null
  wechatStatus?: string | null
  totalCount?: number | null
  filterCount?: number | null
  sentCount?: number | null
  errorCount?: number | null
  msgId?: number | null
  articles?: { position?: number; title?: string; articleUrl?: string | null }[]
}

export interface TimelineStep {
  status: PathStatus
  state: StepState
  at?: string
}

export type Outcome = 'in-progress' | 'finished' | 'finished-with-problem' | 'failed' | 'cancelled' | 'deleted'

export interface Failure {
  /** i18n key of the explanation. */
  key: string
  /** WeChat's code (errcode, or the NNNNN of a job status err(NNNNN)), when there is one. */
  code?: number
  /** WeChat's or the server's own words, shown below the explanation. */
  detail?: string
}

export interface Timeline {
  steps: TimelineStep[]
  outcome: Outcome
  /** True when nothing will change any more (polling may slow down). */
  settled: boolean
  counts?: { total: number; filtered: number; sent: number; errors: number }
  urls: { position: number; title: string; url: string }[]
  failure?: Failure
}

/** WeChat errcodes a failed send may carry that have their own explanation. */
export const KNOWN_ERRCODES = [-1, 40001, 40007, 45009, 45028, 45065, 48001, 50001] as const
/** MASSSENDJOBFINISH statuses err(NNNNN) with their own explanation (WECHAT.md). */
export const KNOWN_JOB_ERRORS = [10001, 20001, 20002, 20004, 20006, 20008, 20013, 21000, 22000, 30001, 30002, 30003, 40001, 40002] as const

/** Whether WeChat's job status (event `Status` or mass/get `msg_status`) says it went out. */
export function wechatSucceeded(status: string | null | undefined): boolean {
  if (!status) return true
  const s = status.trim().toLowerCase().replace(/_/g, ' ')
  return s === 'send success' || s === 'sendsuccess'
}

/** The explanation of WeChat's job status when it is not a success. */
export function jobFailure(status: string | null | undefined): Failure | undefined {
  if (wechatSucceeded(status)) return undefined
  const m = /err\((\d+)\)/i.exec(status ?? '')
  if (m) {
    const code = Number(m[1])
    return { key: (KNOWN_JOB_ERRORS as readonly number[]).includes(code) ? `publishing.failure.job.${code}` : 'publishing.failure.job.other', code, detail: status ?? undefined }
  }
  return { key: 'publishing.failure.job.other', detail: status ?? undefined }
}

/** The explanation of a FAILED send. */
export function sendFailure(send: SendLike): Failure {
  const code = send.errorCode ?? undefined
  if (code !== undefined && code !== null) {
    const key = (KNOWN_ERRCODES as readonly number[]).includes(code) ? `publishing.failure.code.${code}` : 'publishing.failure.code.other'
    return { key, code, detail: send.errorMessage ?? undefined }
  }
  const job = send.wechatStatus ? jobFailure(send.wechatStatus) : undefined
  return job ?? { key: 'publishing.failure.unknown', detail: send.errorMessage ?? undefined }
}

function timeOf(send: SendLike, s: PathStatus): string | undefined {
  switch (s) {
    case 'COMPOSED':
      return send.composedAt ?? send.createdAt
    case 'PREVIEWED':
      return send.previewedAt
    case 'CONFIRMED':
      return send.confirmedAt
    case 'SENT':
      return send.acceptedAt
    case 'FINISHED':
      return send.finishedAt
    default:
      return undefined
  }
}

/** Where a send is on its path, and how it ended. */
export function timeline(send: SendLike): Timeline {
  const status = send.status ?? 'COMPOSED'
  const urls = (send.articles ?? [])
    .filter((a) => a.articleUrl)
    .map((a) => ({ position: a.position ?? 0, title: a.title ?? '', url: a.articleUrl as string }))
    .sort((a, b) => a.position - b.position)
  const counts =
    send.totalCount !== undefined && send.totalCount !== null
      ? { total: send.totalCount, filtered: send.filterCount ?? 0, sent: send.sentCount ?? 0, errors: send.errorCount ?? 0 }
      : undefined

  let reached: number
  let outcome: Outcome
  let failure: Failure | undefined
  const idx = (PATH as readonly string[]).indexOf(status)
  if (idx >= 0) {
    reached = idx
    if (status === 'FINISHED') {
      failure = jobFailure(send.wechatStatus)
      outcome = failure ? 'finished-with-problem' : 'finished'
    } else outcome = 'in-progress'
  } else if (status === 'FAILED') {
    // It failed while being sent (after confirmation): the path stops at SENDING.
    reached = PATH.indexOf('SENDING')
    outcome = 'failed'
    failure = sendFailure(send)
  } else if (status === 'CANCELLED') {
    reached = send.confirmedAt ? PATH.indexOf('CONFIRMED') : send.previewedAt ? PATH.indexOf('PREVIEWED') : 0
    outcome = 'cancelled'
  } else if (status === 'DELETED') {
    reached = PATH.indexOf(send.finishedAt ? 'FINISHED' : 'SENT')
    outcome = 'deleted'
  } else {
    reached = 0
    outcome = 'in-progress'
  }

  const steps: TimelineStep[] = PATH.map((s, i) => {
    let state: StepState
    if (i < reached) state = 'done'
    else if (i === reached) {
      if (outcome === 'failed') state = 'failed'
      else if (outcome === 'in-progress' && s !== 'FINISHED') state = 'current'
      else state = 'done'
    } else state = outcome === 'in-progress' ? 'waiting' : 'skipped'
    return { status: s, state, at: state === 'done' || state === 'current' ? timeOf(send, s) : undefined }
  })
  const settled = outcome !== 'in-progress'
  return { steps, outcome, settled, counts, urls, failure }
}

/** The actions a send's state offers (the API still decides). */
export function actionsFor(status: string | undefined): { preview: boolean; confirm: boolean; cancel: boolean; remove: boolean } {
  return {
    preview: status === 'COMPOSED' || status === 'PREVIEWED',
    confirm: status === 'PREVIEWED',
    cancel: status === 'COMPOSED' || status === 'PREVIEWED' || status === 'CONFIRMED',
    remove: status === 'SENT' || status === 'FINISHED',
  }
}
