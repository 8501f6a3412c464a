import type { RouteRecordRaw } from 'vue-router'

/** admin-api's roles (ACCESS.md). */
export type Role = 'ADMIN' | 'EDITOR' | 'DEPT_REVIEWER' | 'OFFICE_REVIEWER' | 'LEADER' | 'PUBLISHER' | 'HANDLER' | 'AUDITOR'

export const ALL_ROLES: Role[] = ['ADMIN', 'EDITOR', 'DEPT_REVIEWER', 'OFFICE_REVIEWER', 'LEADER', 'PUBLISHER', 'HANDLER', 'AUDITOR']

/** Menu sections, in the order the side menu shows them. */
export type MenuSection = 'work' | 'inbox' | 'content' | 'admin' | 'audit'
export const MENU_SECTIONS: MenuSection[] = ['work', 'inbox', 'content', 'admin', 'audit']

export interface MenuEntry {
  /** i18n key of the menu label (also the page's name in the forbidden message). */
  label: string
  section: MenuSection
  /** Position within the section. */
  order: number
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the page; absent: anyone signed in. The API still decides. */
    roles?: Role[]
    /** i18n key naming the page (titles, forbidden message). */
    title?: string
    /** Shown in the side menu when set. */
    menu?: MenuEntry
    /** Pages outside the signed-in shell (sign-in, timed out). */
    public?: boolean
  }
}

/**
 * One area's pages: src/router/routes/<area>.ts default-exports a list of these, each with
 * its roles and menu entry next to it. They are children of the signed-in shell.
 */
export type AreaRoutes = RouteRecordRaw[]
