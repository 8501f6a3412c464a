import { api, unwrap } from '@/api/client'
import { ApiProblem, networkProblem, toProblem } from '@/api/problem'
import type { components } from '@/api/schema'

export type ArticleView = components['schemas']['ArticleView']
export type ArticleSummary = components['schemas']['ArticleSummary']
export type ArticleRequest = components['schemas']['ArticleRequest']
export type ScreeningResult = components['schemas']['ScreeningResult']
export type Finding = components['schemas']['Finding']
export type ReviewState = components['schemas']['ReviewState']
export type Step = components['schemas']['Step']
export type ImageView = components['schemas']['ImageView']
export type VersionSummary = components['schemas']['VersionSummary']
export type VersionView = components['schemas']['VersionView']
export type Comparison = components['schemas']['Comparison']
export type Sensitivity = NonNullable<ArticleRequest['sensitivity']>
export type ArticleStatus = NonNullable<ArticleView['status']>

export const SENSITIVITIES: Sensitivity[] = ['GENERAL', 'SENSITIVE', 'MAJOR']
export const STATUSES: ArticleStatus[] = ['DRAFT', 'IN_REVIEW', 'REJECTED', 'APPROVED', 'WITHDRAWN', 'SENT']
/** The fields screening reports on, in the order the page shows them. */
export const FIELDS = ['title', 'author', 'digest', 'body', 'attributes', 'source'] as const
export type Field = (typeof FIELDS)[number]

/** What the editor holds; `body` is the editor's HTML, what the server screens and stores. */
export interface Draft {
  accountId: number | null
  departmentId?: number | null
  title: string
  author: string
  digest: string
  body: string
  source: string
  sensitivity: Sensitivity
  coverImageId: number | null
}

export function emptyDraft(accountId: number | null): Draft {
  return { accountId, title: '', author: '', digest: '', body: '', source: '', sensitivity: 'GENERAL', coverImageId: null }
}

export function draftOf(a: ArticleView): Draft {
  return {
    accountId: a.accountId ?? null,
    departmentId: a.departmentId ?? null,
    title: a.title ?? '',
    author: a.author ?? '',
    digest: a.digest ?? '',
    body: a.body ?? '',
    source: a.source ?? '',
    sensitivity: a.sensitivity ?? 'GENERAL',
    coverImageId: a.coverImageId ?? null,
  }
}

/** The request for a draft: blank optional fields go as null (the server stores them so). */
export function requestOf(d: Draft, version?: number): ArticleRequest {
  const opt = (s: string) => (s.trim() === '' ? undefined : s)
  return {
    accountId: d.accountId ?? undefined,
    title: d.title,
    author: opt(d.author),
    digest: opt(d.digest),
    body: d.body,
    source: opt(d.source),
    sensitivity: d.sensitivity,
    coverImageId: d.coverImageId ?? undefined,
    version,
  }
}

export function sameContent(a: Draft, b: Draft): boolean {
  return a.title === b.title && a.author === b.author && a.digest === b.digest && a.body === b.body && a.source === b.source && a.sensitivity === b.sensitivity && a.coverImageId === b.coverImageId
}

export const listArticles = (q: { accountId?: number; status?: ArticleStatus; page?: number; size?: number }) =>
  unwrap(api.GET('/api/articles', { params: { query: q as never } })) as Promise<{ items?: ArticleSummary[]; total?: number }>

export const getArticle = (id: number) => unwrap(api.GET('/api/articles/{id}', { params: { path: { id } } }))
export const createArticle = (body: ArticleRequest) => unwrap(api.POST('/api/articles', { body }))
export const saveArticle = (id: number, body: ArticleRequest) => unwrap(api.PUT('/api/articles/{id}', { params: { path: { id } }, body }))
export const submitArticle = (id: number) => unwrap(api.POST('/api/articles/{id}/submit', { params: { path: { id } } }))
export const getReview = (id: number) => unwrap(api.GET('/api/articles/{id}/review', { params: { path: { id } } }))
export const listVersions = (id: number) => unwrap(api.GET('/api/articles/{id}/versions', { params: { path: { id } } }))
export const getVersion = (id: number, versionNo: number) => unwrap(api.GET('/api/articles/{id}/versions/{versionNo}', { params: { path: { id, versionNo } } }))
export const compareVersions = (id: number, from: number, to: number) => unwrap(api.GET('/api/articles/{id}/compare', { params: { path: { id }, query: { from, to } } }))
export const listImages = (id: number) => unwrap(api.GET('/api/articles/{id}/images', { params: { path: { id } } }))

/**
 * Screens unsaved content: as the article's when it exists (its account's policies and its
 * uploaded images, so a foreign image is reported while typing), else under the account's
 * policies; the signal cancels it.
 */
export function screenDraft(d: Draft, signal: AbortSignal, articleId: number | null = null): Promise<ScreeningResult> {
  const content = { title: d.title, author: d.author, digest: d.digest, body: d.body, source: d.source }
  if (articleId !== null) {
    return unwrap(api.POST('/api/articles/{id}/screening/draft', { params: { path: { id: articleId } }, body: content, signal }))
  }
  return unwrap(api.POST('/api/screening', { body: { accountId: d.accountId ?? undefined, ...content }, signal }))
}

/** Uploads a JPEG (multipart, part "file") as the cover or an image in the body. */
export async function uploadImage(id: number, kind: 'COVER' | 'BODY', file: File): Promise<ImageView> {
  const form = new FormData()
  form.append('file', file, file.name)
  let response: Response
  try {
    response = await fetch(`/api/articles/${id}/images?kind=${kind}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json, application/problem+json' } })
  } catch (e) {
    throw networkProblem(e)
  }
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw toProblem(response.status, body)
  return body as ImageView
}

/** The findings of a 422 screening-failed answer (submit), when it is one. */
export function findingsOf(p: ApiProblem | null): ScreeningResult | null {
  if (!p || p.slug !== 'screening-failed' || !Array.isArray(p.body.findings)) return null
  return { passed: false, findings: p.body.findings as Finding[], countedChars: p.body.countedChars as number, maxChars: p.body.maxChars as number, lexiconVersion: p.body.lexiconVersion as number }
}

export function formatBytes(n: number | undefined): string {
  if (n === undefined || n === null) return ''
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(2)} MB`
}

/** The srcdoc of a sandboxed preview: the article's HTML with no script able to run (sandbox=""), images without referrer. */
export function previewDocument(title: string, html: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https://mmbiz.qpic.cn https://*.qpic.cn data: blob:; style-src 'unsafe-inline'"><style>body{font:15px/1.7 system-ui,sans-serif;margin:12px;color:#222}img{max-width:100%}</style></head><body><h1 style="font-size:20px">${esc(title)}</h1>${html}</body></html>`
}
