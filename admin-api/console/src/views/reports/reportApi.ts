import { reportSessionProblem } from '@/api/client'
import { networkProblem, toProblem } from '@/api/problem'

/**
 * The report answers the pages read (GET /api/reports/...), as far as the pages use them.
 * Read with fetch and typed here: the query strings are the same ones the exports take.
 */
export type Level = 'PASS' | 'WARNING' | 'VETO'

export interface Standing {
  accountId: number
  asOf: string
  lastUpdateDay?: string | null
  daysSinceLastUpdate: number
  level: Level
  /** 14+ days without an update through wxops: capped at WARNING (posts made elsewhere are not seen yet). */
  unconfirmed: boolean
  note?: string | null
  vetoOn: string
}

export interface AccountPosting {
  accountId: number
  name: string
  timeZone: string
  standing: Standing
  updates: number
  items: number
  bursts: unknown[]
}

export interface PostingReport {
  from: string
  to: string
  totals: { start: string; end: string; updates: number; items: number }[]
  accounts: AccountPosting[]
  sources: string[]
}

export interface CategoryTimeliness {
  category: string
  tickets: number
  ackSameDayShare?: number | null
  answered: number
  firstReplyMedianSeconds?: number | null
  firstReplyP90Seconds?: number | null
  resolvedWithinSlaShare?: number | null
  overdue: number
  escalated: number
  neverAnswered: number
  oldestUnanswered?: { ticketId: number; firstMessageAt: string } | null
  followupRate?: number | null
}

export interface TimelinessReport {
  categories: CategoryTimeliness[]
  total: CategoryTimeliness
}

export interface DisciplineReport {
  sensitivities: { sensitivity: string; articleRounds: number; sendReviews: number; approved: number; rejected: number; inReview: number }[]
  reviewMedianSeconds?: number | null
  reviewP90Seconds?: number | null
  sends: number
  finished: number
  failed: number
  sentCount: number
  copyrightRefusals: number
  failedSends: { sendId: number; accountId: number; day: string; errorCode?: number | null; errorMessage?: string | null }[]
}

export interface Evidence {
  kind: string
  id: number
  day?: string | null
  at?: string | null
  note?: string | null
}

export interface Indicator {
  key: string
  level: Level
  summary: string
  count: number
  evidence: Evidence[]
}

export interface Inspection {
  accountId: number
  name: string
  timeZone: string
  reportDate: string
  from: string
  to: string
  overall: Level
  indicators: Indicator[]
  thresholds: { updateWarningDays: number; updateVetoDays: number; unansweredWarningDays: number; unansweredVetoDays: number; ackSameDayWarningShare: number; inspectionDays: number }
  generatedAt: string
  notAssessed: string[]
}

export interface OverviewRow {
  accountId: number
  name: string
  reportDate: string
  overall: Level
  posting: Level
  daysSinceLastUpdate: number
  lastUpdateDay?: string | null
  vetoOn: string
  postingUnconfirmed: boolean
  atRiskThisWeek: boolean
  interaction: Level
  unansweredTickets: number
  timeliness: Level
  discipline: Level
}

export interface Overview {
  accounts: number
  atRisk: number
  vetoes: number
  warnings: number
  rows: OverviewRow[]
}

/** The query string of a report (and of its export): only the fields that are set. */
export function reportQuery(q: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) {
    if (v !== null && v !== undefined && v !== '') p.set(k, String(v))
  }
  const s = p.toString()
  return s ? '?' + s : ''
}

export async function getReport<T>(path: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } })
  } catch (e) {
    throw networkProblem(e)
  }
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    const problem = toProblem(response.status, body)
    reportSessionProblem(problem)
    throw problem
  }
  return body as T
}
