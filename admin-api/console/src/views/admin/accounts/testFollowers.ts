export interface TestFollowerRow {
  openid: string
  label: string
}

export const MAX_TEST_FOLLOWERS = 20
const OPENID = /^[0-9a-zA-Z_-]{6,64}$/

/** The rows to send: trimmed, fully blank rows dropped (a row added and left empty is no entry). */
export function toEntries(rows: readonly TestFollowerRow[]): TestFollowerRow[] {
  return rows.map((r) => ({ openid: r.openid.trim(), label: r.label.trim() })).filter((r) => r.openid || r.label)
}

export type RowErrors = Record<number, Partial<Record<'openid' | 'label', string>>>

/**
 * The API's `testFollowers[i].openid` / `.label` errors on the rows of the page. The API
 * numbers the rows it received, which are the non-blank rows; `rows` maps them back.
 */
export function rowErrors(fieldErrors: Record<string, string>, rows: readonly TestFollowerRow[]): RowErrors {
  const sentIndex: number[] = []
  rows.forEach((r, i) => {
    if (r.openid.trim() || r.label.trim()) sentIndex.push(i)
  })
  const out: RowErrors = {}
  for (const [field, message] of Object.entries(fieldErrors)) {
    const m = /^testFollowers\[(\d+)\]\.(openid|label)$/.exec(field)
    if (!m) continue
    const row = sentIndex[Number(m[1])]
    if (row === undefined) continue
    out[row] = { ...out[row], [m[2]]: message }
  }
  return out
}

/** Early checks, as i18n keys per row (the API checks the same and more). */
export function checkRows(rows: readonly TestFollowerRow[]): { rows: RowErrors; tooMany: boolean } {
  const out: RowErrors = {}
  const seen = new Set<string>()
  rows.forEach((r, i) => {
    const openid = r.openid.trim()
    const label = r.label.trim()
    if (!openid && !label) return
    const e: Partial<Record<'openid' | 'label', string>> = {}
    if (!OPENID.test(openid)) e.openid = 'admin.accounts.testFollowers.errors.openid'
    else if (seen.has(openid)) e.openid = 'admin.accounts.testFollowers.errors.twice'
    if (!label) e.label = 'admin.accounts.testFollowers.errors.label'
    seen.add(openid)
    if (e.openid || e.label) out[i] = e
  })
  return { rows: out, tooMany: toEntries(rows).length > MAX_TEST_FOLLOWERS }
}
