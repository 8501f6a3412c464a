import { describe, expect, it } from 'vitest'
import type { RouteRecordNormalized } from 'vue-router'
import { buildMenu } from './menu'
import { areaRoutes } from '@/router'
import type { Role } from '@/router/types'

const routes = areaRoutes.map((r) => ({ ...r, meta: r.meta ?? {} })) as unknown as RouteRecordNormalized[]
const names = (roles: Role[]) => buildMenu(routes, new Set(roles)).flatMap((g) => g.items.map((i) => i.name))

describe('the side menu', () => {
  it('shows a handler the inbox pages', () => {
    expect(names(['HANDLER'])).toEqual(expect.arrayContaining(['tickets', 'duty', 'inbox-rules', 'inbox-settings']))
  })

  it('shows an editor none of them', () => {
    expect(names(['EDITOR'])).not.toContain('tickets')
    expect(names(['EDITOR'])).not.toContain('duty')
  })

  it('shows an auditor the queue but not the duty view', () => {
    expect(names(['AUDITOR'])).toContain('tickets')
    expect(names(['AUDITOR'])).not.toContain('duty')
  })

  it('orders sections and entries', () => {
    const groups = buildMenu(routes, new Set<Role>(['HANDLER']))
    const inbox = groups.find((g) => g.section === 'inbox')!
    expect(inbox.items.map((i) => i.name)).toEqual(['tickets', 'duty', 'inbox-rules', 'inbox-settings'])
  })
})
