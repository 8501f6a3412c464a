import { describe, expect, it } from 'vitest'
import { adminEverywhere, checkDraft, grantableAccounts, removalBlocked, rolesOf, sortGrants, type GrantView, type SessionGrant } from './grants'

const everywhere: SessionGrant[] = [{ role: 'ADMIN' }]
const onAccount3: SessionGrant[] = [{ role: 'ADMIN', accountId: 3 }, { role: 'AUDITOR' }]
const existing: GrantView[] = [
  { id: 1, personId: 10, role: 'EDITOR', accountId: 3, departmentId: 2 },
  { id: 2, personId: 10, role: 'HANDLER' },
]

describe('who may grant what', () => {
  it('an administrator on every account may grant anywhere', () => {
    expect(adminEverywhere(everywhere)).toBe(true)
    expect(grantableAccounts(everywhere)).toBeNull()
  })

  it('an administrator on some accounts may grant only there', () => {
    expect(adminEverywhere(onAccount3)).toBe(false)
    expect([...grantableAccounts(onAccount3)!]).toEqual([3])
  })
})

describe('checkDraft', () => {
  it('needs a role', () => {
    expect(checkDraft({ role: null, accountId: null, departmentId: null }, [], everywhere).errors.role).toBe('admin.people.grants.errors.role')
  })

  it('refuses the same grant twice', () => {
    const c = checkDraft({ role: 'EDITOR', accountId: 3, departmentId: 2 }, existing, everywhere)
    expect(c.errors.role).toBe('admin.people.grants.errors.duplicate')
  })

  it('allows the same role with another scope', () => {
    const c = checkDraft({ role: 'EDITOR', accountId: 4, departmentId: 2 }, existing, everywhere)
    expect(c.errors).toEqual({})
    expect(c.coveredBy).toBeNull()
  })

  it('says when a wider grant already gives it', () => {
    const c = checkDraft({ role: 'HANDLER', accountId: 3, departmentId: 5 }, existing, everywhere)
    expect(c.errors).toEqual({})
    expect(c.coveredBy?.id).toBe(2)
  })

  it('explains that every account needs ADMIN on every account', () => {
    expect(checkDraft({ role: 'EDITOR', accountId: null, departmentId: null }, [], onAccount3).errors.accountId).toBe(
      'admin.people.grants.errors.everywhere',
    )
  })

  it('explains that other accounts are not the administrator\'s to grant', () => {
    expect(checkDraft({ role: 'EDITOR', accountId: 9, departmentId: null }, [], onAccount3).errors.accountId).toBe(
      'admin.people.grants.errors.notYours',
    )
    expect(checkDraft({ role: 'EDITOR', accountId: 3, departmentId: null }, [], onAccount3).errors).toEqual({})
  })
})

describe('removalBlocked', () => {
  it('keeps an administrator from removing their own ADMIN grant', () => {
    expect(removalBlocked({ id: 5, personId: 1, role: 'ADMIN' }, 1, everywhere)).toBe('admin.people.grants.errors.ownAdmin')
    expect(removalBlocked({ id: 6, personId: 1, role: 'AUDITOR' }, 1, everywhere)).toBeNull()
    expect(removalBlocked({ id: 7, personId: 2, role: 'ADMIN' }, 1, everywhere)).toBeNull()
  })

  it('keeps an account administrator to their accounts', () => {
    expect(removalBlocked({ id: 8, personId: 2, role: 'EDITOR' }, 1, onAccount3)).toBe('admin.people.grants.errors.notYours')
    expect(removalBlocked({ id: 9, personId: 2, role: 'EDITOR', accountId: 3 }, 1, onAccount3)).toBeNull()
  })
})

describe('listing', () => {
  it('sorts by role, then wider scopes first', () => {
    const sorted = sortGrants([
      { id: 1, role: 'HANDLER', accountId: 3 },
      { id: 2, role: 'EDITOR', accountId: 3, departmentId: 2 },
      { id: 3, role: 'EDITOR' },
      { id: 4, role: 'ADMIN', accountId: 1 },
    ] as GrantView[])
    expect(sorted.map((g) => g.id)).toEqual([4, 3, 2, 1])
  })

  it('names each role once', () => {
    expect(rolesOf([{ role: 'HANDLER' }, { role: 'EDITOR' }, { role: 'HANDLER' }])).toEqual(['EDITOR', 'HANDLER'])
  })
})
