import { createI18n } from 'vue-i18n'

/**
 * Messages are split per area: src/i18n/<locale>/<area>.ts, each exporting
 * `{ <area>: { ... } }`. Every file in a locale's folder is picked up here, so a new area
 * (articles, sends, admin, ...) adds its two files and nothing else.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Messages = Record<string, any>

function merge(files: Record<string, { default: Messages }>): Messages {
  const out: Messages = {}
  for (const path of Object.keys(files).sort()) {
    Object.assign(out, files[path].default)
  }
  return out
}

export const messages = {
  'zh-CN': merge(import.meta.glob<{ default: Messages }>('./zh-CN/*.ts', { eager: true })),
  en: merge(import.meta.glob<{ default: Messages }>('./en/*.ts', { eager: true })),
}

export type Locale = keyof typeof messages
export const LOCALES: Locale[] = ['zh-CN', 'en']
const STORED = 'wxops.console.locale'

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORED) : null
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN'
}

export const i18n = createI18n<false, { legacy: false; locale: string; fallbackLocale: string; messages: Record<Locale, Messages>; missingWarn: boolean; fallbackWarn: boolean }>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages,
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale: Locale): void {
  ;(i18n.global.locale as unknown as { value: string }).value = locale
  localStorage.setItem(STORED, locale)
  document.documentElement.lang = locale
}
