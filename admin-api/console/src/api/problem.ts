/**
 * RFC 9457 problems from admin-api, in the shape the console works with: the stable slug
 * of `type` (the part after https://wxops.io/problems/), the server's `detail`, and field
 * errors keyed by field name so forms can show each next to its field.
 */
export interface FieldError {
  field: string
  message: string
}

export class ApiProblem extends Error {
  readonly status: number
  readonly slug: string
  readonly title: string
  readonly detail: string
  readonly fieldErrors: Record<string, string>
  readonly body: Record<string, unknown>

  constructor(status: number, slug: string, title: string, detail: string, fieldErrors: Record<string, string>, body: Record<string, unknown> = {}) {
    super(detail || title || slug)
    this.name = 'ApiProblem'
    this.status = status
    this.slug = slug
    this.title = title
    this.detail = detail
    this.fieldErrors = fieldErrors
    this.body = body
  }
}

const TYPE_BASE = 'https://wxops.io/problems/'

/** The slug of a problem type URI; `about:blank` and unknown URIs fall back to the status. */
export function slugOf(type: unknown, status: number): string {
  if (typeof type === 'string' && type.startsWith(TYPE_BASE)) {
    return type.substring(TYPE_BASE.length)
  }
  if (status === 404) return 'not-found'
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 413) return 'too-large'
  if (status >= 500) return 'server-error'
  return 'http-' + status
}

/** Builds an ApiProblem from a failed response's status and (possibly non-JSON) body. */
export function toProblem(status: number, body: unknown): ApiProblem {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const fieldErrors: Record<string, string> = {}
  if (Array.isArray(b.errors)) {
    for (const e of b.errors as FieldError[]) {
      if (e && typeof e.field === 'string') {
        fieldErrors[e.field] = fieldErrors[e.field] ? fieldErrors[e.field] + '; ' + e.message : String(e.message ?? '')
      }
    }
  }
  const detail = typeof b.detail === 'string' ? b.detail : typeof body === 'string' ? body.slice(0, 300) : ''
  return new ApiProblem(status, slugOf(b.type, status), typeof b.title === 'string' ? b.title : '', detail, fieldErrors, b)
}

/** A request that never got an answer (server down, network gone). */
export function networkProblem(cause: unknown): ApiProblem {
  return new ApiProblem(0, 'network', '', cause instanceof Error ? cause.message : String(cause), {})
}

export function isProblem(e: unknown): e is ApiProblem {
  return e instanceof ApiProblem
}

/**
 * What a person reads: a message in their language for the problem's type (falling back
 * to a generic one for a type the console does not know yet), with the server's detail
 * below it.
 */
export function describe(p: ApiProblem, t: (key: string) => string, te: (key: string) => boolean): { message: string; detail: string } {
  const key = 'problems.' + p.slug.replace(/\//g, '-')
  const message = te(key) ? t(key) : p.status >= 500 || p.status === 0 ? t('problems.server-error') : t('problems.unknown')
  return { message, detail: p.detail }
}
