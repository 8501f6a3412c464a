import type { components } from '@/api/schema'

/** The review calls' shapes, from the generated client. */
export type PendingArticle = components['schemas']['Pending']
export type PendingSend = components['schemas']['PendingSend']
export type ReviewState = components['schemas']['ReviewState']
export type SendReviewState = components['schemas']['SendReviewState']
export type ArticleView = components['schemas']['ArticleView']
export type Verdict = 'APPROVE' | 'REJECT'

/** Reject needs a comment (it goes back to the editor); the API says so too, this explains it early. */
export function decisionProblem(verdict: Verdict, comment: string): 'comment-required' | null {
  return verdict === 'REJECT' && comment.trim() === '' ? 'comment-required' : null
}

/** The first 12 characters of a hash, for reading aloud; the full one is shown next to it. */
export function shortHash(h: string | null | undefined): string {
  return h ? h.slice(0, 12) : ''
}
