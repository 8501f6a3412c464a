import { describe, expect, it } from 'vitest'
import { queueUrl } from './api'

describe('the queue URL', () => {
  it('carries only the filters that are set, and always the page', () => {
    expect(queueUrl({ accountId: null, status: null, category: null, mine: false, unassigned: false, includeHidden: false, page: 0, size: 20 })).toBe('/api/tickets?page=0&size=20')
    expect(queueUrl({ accountId: 3, status: 'NEW', category: 'COMPLAINT', mine: true, unassigned: true, includeHidden: true, page: 2, size: 50 })).toBe(
      '/api/tickets?accountId=3&status=NEW&category=COMPLAINT&mine=true&unassigned=true&includeHidden=true&page=2&size=50',
    )
  })
})
