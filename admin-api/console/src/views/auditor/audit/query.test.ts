import { describe, expect, it } from 'vitest'
import { attachmentName, buildQuery, emptyForm, exportCompleteness, exportUrl, fromRouteQuery, toRouteQuery, zonedToInstant } from './query'

describe('zonedToInstant', () => {
  it('reads wall-clock time in Asia/Shanghai (UTC+8) whatever the browser zone', () => {
    expect(zonedToInstant('2026-11-30 08:30')).toBe('2026-11-30T00:30:00Z')
    expect(zonedToInstant('2026-12-01')).toBe('2026-11-30T16:00:00Z')
  })

  it('follows daylight saving in zones that have it', () => {
    expect(zonedToInstant('2026-07-01 12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00Z')
    expect(zonedToInstant('2026-01-01 12:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00Z')
  })

  it('refuses text that is not a date', () => {
    expect(zonedToInstant('yesterday')).toBeNull()
    expect(zonedToInstant('2026-02-30')).toBeNull()
    expect(zonedToInstant('2026-01-01 25:00')).toBeNull()
  })
})

describe('buildQuery', () => {
  it('sends only what was filled in', () => {
    expect(buildQuery(emptyForm())).toEqual({ query: {}, errors: {} })
  })

  it('takes digits as a person id and anything else as a username', () => {
    expect(buildQuery({ ...emptyForm(), person: ' 12 ' }).query).toEqual({ personId: 12 })
    expect(buildQuery({ ...emptyForm(), person: 'demo-admin' }).query).toEqual({ username: 'demo-admin' })
  })

  it('includes the whole last day when `to` is a date', () => {
    const { query, errors } = buildQuery({ ...emptyForm(), from: '2026-11-01', to: '2026-11-30' })
    expect(errors).toEqual({})
    expect(query).toEqual({ from: '2026-10-31T16:00:00Z', to: '2026-11-30T16:00:00Z' })
  })

  it('keeps a `to` with a time as it is (exclusive)', () => {
    expect(buildQuery({ ...emptyForm(), to: '2026-11-30 09:00' }).query.to).toBe('2026-11-30T01:00:00Z')
  })

  it('uses the given zone', () => {
    expect(buildQuery({ ...emptyForm(), from: '2026-11-01' }, 'UTC').query.from).toBe('2026-11-01T00:00:00Z')
  })

  it('names a range that ends before it starts', () => {
    const { errors } = buildQuery({ ...emptyForm(), from: '2026-11-30 10:00', to: '2026-11-30 09:00' })
    expect(errors.to).toBe('auditor.audit.errors.order')
  })

  it('accepts a one-day range given as the same date twice', () => {
    const { query, errors } = buildQuery({ ...emptyForm(), from: '2026-11-30', to: '2026-11-30' })
    expect(errors).toEqual({})
    expect(Date.parse(query.to!) - Date.parse(query.from!)).toBe(86_400_000)
  })

  it('names a malformed date', () => {
    expect(buildQuery({ ...emptyForm(), from: '30/11/2026' }).errors.from).toBe('auditor.audit.errors.date')
  })

  it('upper-cases action and target type, as the record stores them', () => {
    expect(buildQuery({ ...emptyForm(), action: ' account_registered', targetType: 'account' }).query).toEqual({
      action: 'ACCOUNT_REGISTERED',
      targetType: 'ACCOUNT',
    })
  })
})

describe('route query', () => {
  it('round-trips a form through a link', () => {
    const form = { person: 'demo-admin', accountId: 3, action: 'LOGIN', targetType: 'PERSON', from: '2026-11-01', to: '2026-11-30 12:00' }
    expect(fromRouteQuery(toRouteQuery(form))).toEqual(form)
  })

  it('ignores a malformed account', () => {
    expect(fromRouteQuery({ account: 'abc', person: ['x', 'y'] })).toEqual({ ...emptyForm(), person: 'x' })
  })
})

describe('export', () => {
  it('builds the export URL from the query', () => {
    expect(exportUrl({ accountId: 3, from: '2026-10-31T16:00:00Z' }, 'json')).toBe('/api/audit/export?format=json&accountId=3&from=2026-10-31T16%3A00%3A00Z')
  })

  it('reads whether the export was cut at the limit', () => {
    const h = new Headers({ 'X-Export-Total': '150000', 'X-Export-Limit': '100000', 'X-Export-Truncated': 'true' })
    expect(exportCompleteness(h)).toEqual({ total: 150000, limit: 100000, truncated: true })
    expect(exportCompleteness(new Headers()).truncated).toBe(false)
  })

  it('takes the file name from Content-Disposition', () => {
    expect(attachmentName('attachment; filename="audit-20261130T010000Z.csv"', 'x')).toBe('audit-20261130T010000Z.csv')
    expect(attachmentName('attachment; filename=registry-20261130.csv', 'x')).toBe('registry-20261130.csv')
    expect(attachmentName(null, 'audit.csv')).toBe('audit.csv')
  })
})

describe('suggestActions', () => {
  it('suggests known actions containing what was typed, any case', async () => {
    const { suggestActions } = await import('./actions')
    expect(suggestActions('grant')).toEqual(['GRANT_ADDED', 'GRANT_REMOVED'])
    expect(suggestActions('').length).toBeGreaterThan(40)
    expect(suggestActions('nothing-like-it')).toEqual([])
  })
})
