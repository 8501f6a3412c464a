import type { components } from '@/api/schema'

export type Role = NonNullable<components['schemas']['Grant']['role']>
export type GrantView = components['schemas']['GrantView']
/** A grant as the session lists the signed-in person's own (no id). */
export type SessionGrant = components['schemas']['Grant']

/** In the order the rules introduce them. */
export const ROLES: Role[] = ['ADMIN', 'EDITOR', 'DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER', 'PUBLISHER', 'HANDLER', 'AUDITOR']

/** A grant being written: null account means every account, null department any department. */
export interface GrantDraft {
  role: Role | null
  accountId: number | null
  departmentId: number | null
}

export function emptyDraft(): GrantDraft {
  return { role: null, accountId: null, departmentId: null }
}

const norm = (v: number | null | undefined) => (v == null ? null : v)

function sameGrant(a: { role?: Role | null; accountId?: number | null; departmentId?: number | null }, b: GrantDraft): boolean {
  return a.role === b.role && norm(a.accountId) === b.accountId && norm(a.departmentId) === b.departmentId
}

/** Whether grant `g` already gives what `d` would: same role, a scope at least as wide. */
function covers(g: GrantView, d: GrantDraft): boolean {
  return (
    g.role === d.role &&
    (g.accountId == null || g.accountId === d.accountId) &&
    (g.departmentId == null || g.departmentId === d.departmentId)
  )
}

/** Whether the signed-in person holds ADMIN on every account (may grant "every account"). */
export function adminEverywhere(own: readonly SessionGrant[]): boolean {
  return own.some((g) => g.role === 'ADMIN' && g.accountId == null)
}

/**
 * The accounts the signed-in person may grant roles on: null for every account (ADMIN on
 * every account), else the ids their ADMIN grants name.
 */
export function grantableAccounts(own: readonly SessionGrant[]): Set<number> | null {
  if (adminEverywhere(own)) return null
  return new Set(own.filter((g) => g.role === 'ADMIN' && g.accountId != null).map((g) => g.accountId as number))
}

export interface DraftCheck {
  /** i18n keys of what stops the grant; empty when it can be sent. */
  errors: Partial<Record<'role' | 'accountId', string>>
  /** A wider grant the person already holds, which makes this one change nothing. */
  coveredBy: GrantView | null
}

/**
 * Early checks of a new grant, so the page explains before the API refuses: a role is
 * needed, the same grant must not exist, "every account" needs ADMIN on every account, and
 * an account-scoped administrator grants only on their accounts.
 */
export function checkDraft(d: GrantDraft, existing: readonly GrantView[], own: readonly SessionGrant[]): DraftCheck {
  const errors: DraftCheck['errors'] = {}
  if (!d.role) errors.role = 'admin.people.grants.errors.role'
  const grantable = grantableAccounts(own)
  if (grantable !== null) {
    if (d.accountId == null) errors.accountId = 'admin.people.grants.errors.everywhere'
    else if (!grantable.has(d.accountId)) errors.accountId = 'admin.people.grants.errors.notYours'
  }
  if (d.role && existing.some((g) => sameGrant(g, d))) errors.role = 'admin.people.grants.errors.duplicate'
  const coveredBy = d.role && !errors.role ? (existing.find((g) => covers(g, d)) ?? null) : null
  return { errors, coveredBy }
}

/** Why a grant cannot be removed by the signed-in person (an i18n key), or null if it can. */
export function removalBlocked(g: GrantView, myPersonId: number | undefined, own: readonly SessionGrant[]): string | null {
  if (g.personId === myPersonId && g.role === 'ADMIN') return 'admin.people.grants.errors.ownAdmin'
  const grantable = grantableAccounts(own)
  if (grantable !== null && (g.accountId == null || !grantable.has(g.accountId))) return 'admin.people.grants.errors.notYours'
  return null
}

/** Grants in role order, then wider scopes first, so a person's rights read top-down. */
export function sortGrants<T extends { role?: Role; accountId?: number | null; departmentId?: number | null }>(grants: readonly T[]): T[] {
  const rank = (v: number | null | undefined) => (v == null ? -1 : v)
  return [...grants].sort(
    (a, b) =>
      ROLES.indexOf(a.role as Role) - ROLES.indexOf(b.role as Role) ||
      rank(a.accountId) - rank(b.accountId) ||
      rank(a.departmentId) - rank(b.departmentId),
  )
}

/** Roles held, each once, for a compact column in the people list. */
export function rolesOf(grants: readonly { role?: Role }[]): Role[] {
  return ROLES.filter((r) => grants.some((g) => g.role === r))
}
