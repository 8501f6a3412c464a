import type { RouteRecordNormalized } from 'vue-router'
import { MENU_SECTIONS, type MenuSection, type Role } from '@/router/types'

export interface MenuItem {
  name: string
  path: string
  label: string
  order: number
}

export interface MenuGroup {
  section: MenuSection
  items: MenuItem[]
}

/**
 * The side menu: every route with a menu entry whose roles the person holds, grouped by
 * section in a fixed order. A page without `roles` is open to everyone signed in.
 */
export function buildMenu(routes: RouteRecordNormalized[], roles: Set<Role>): MenuGroup[] {
  const groups = new Map<MenuSection, MenuItem[]>()
  for (const r of routes) {
    const menu = r.meta.menu
    if (!menu || typeof r.name !== 'string') continue
    const allowed = !r.meta.roles || r.meta.roles.some((role) => roles.has(role))
    if (!allowed) continue
    const list = groups.get(menu.section) ?? []
    list.push({ name: r.name, path: r.path, label: menu.label, order: menu.order })
    groups.set(menu.section, list)
  }
  return MENU_SECTIONS.filter((s) => groups.has(s)).map((s) => ({
    section: s,
    items: groups.get(s)!.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name)),
  }))
}
