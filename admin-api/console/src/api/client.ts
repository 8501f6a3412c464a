import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from './schema'
import { ApiProblem, networkProblem, toProblem } from './problem'

/**
 * The one API client: typed from admin-api's OpenAPI description (schema.d.ts is generated
 * from the committed openapi.json, see README). Same origin, so the session cookie goes
 * along by itself (credentials 'same-origin') and the browser adds the fetch metadata
 * (Sec-Fetch-Site) the server checks on writes; the console never sees a token.
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
})

/** Session problems every page reacts to the same way: the shell shows a page for them. */
export type SessionEvent = 'expired' | 'signed-out' | 'password-change-required'

type Listener = (e: SessionEvent, p: ApiProblem) => void
const listeners = new Set<Listener>()

export function onSessionEvent(l: Listener): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

export function sessionEventOf(p: ApiProblem): SessionEvent | null {
  if (p.status === 401 && p.slug === 'session-expired') return 'expired'
  if (p.status === 401) return 'signed-out'
  if (p.status === 403 && p.slug === 'password-change-required') return 'password-change-required'
  return null
}

/** Lets every part that calls the API (the client, the pollers) raise the shell's pages. */
export function reportSessionProblem(p: ApiProblem): void {
  const e = sessionEventOf(p)
  if (e) listeners.forEach((l) => l(e, p))
}

const problems: Middleware = {
  async onResponse({ response, request }) {
    if (response.status === 401 || response.status === 403) {
      // Sign-in itself answers 401 for wrong credentials: that is the form's business.
      if (!new URL(request.url, location.origin).pathname.startsWith('/api/session/console')) {
        const body = await response.clone().json().catch(() => ({}))
        reportSessionProblem(toProblem(response.status, body))
      }
    }
    return undefined
  },
}
api.use(problems)

interface FetchResult<T> {
  data?: T
  error?: unknown
  response: Response
}

/**
 * The data of a call, or an ApiProblem thrown: callers `await unwrap(api.GET(...))` and
 * catch one error type whatever went wrong (including no answer at all).
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>
  try {
    result = await call
  } catch (e) {
    throw networkProblem(e)
  }
  if (result.response.ok) {
    return result.data as T
  }
  throw toProblem(result.response.status, result.error)
}

/** The same-origin URL of a follower's image or voice, for <img src> and downloads. */
export function mediaUrl(ticketId: number, entryId: number): string {
  return `/api/tickets/${ticketId}/entries/${entryId}/media`
}
