import { networkProblem, toProblem } from '@/api/problem'
import { attachmentName, exportCompleteness } from './audit/query'

export interface Downloaded {
  name: string
  total: number | null
  limit: number | null
  truncated: boolean
}

/**
 * Downloads an export of the API (same origin, the session cookie goes along) and saves it
 * under the server's file name. Fetched rather than linked, so a refusal comes back as a
 * problem the page can show, and the export's completeness headers can be read.
 */
export async function download(url: string, fallbackName: string): Promise<Downloaded> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/csv, application/json, application/problem+json' } })
  } catch (e) {
    throw networkProblem(e)
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}))
    throw toProblem(response.status, body)
  }
  const blob = await response.blob()
  const name = attachmentName(response.headers.get('Content-Disposition'), fallbackName)
  const href = URL.createObjectURL(blob)
  try {
    const a = document.createElement('a')
    a.href = href
    a.download = name
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
  } finally {
    setTimeout(() => URL.revokeObjectURL(href), 10_000)
  }
  return { name, ...exportCompleteness(response.headers) }
}
