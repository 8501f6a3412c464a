import fixture from './menu-limits.fixtures.json'

/**
 * WeChat's custom-menu limits, the same numbers admin-api checks (MenuRules; both read
 * menu-limits.fixtures.json in their tests). The editor uses them to count bytes as one
 * types and to point at a button before anything is sent; the API still decides.
 */
export const LIMITS = fixture.limits

export const TYPES = [
  'click',
  'view',
  'miniprogram',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select',
  'article_id',
  'article_view_limited',
] as const

/** Types whose button sends a key back (the CLICK EventKey and the like). */
export const KEY_TYPES = new Set<string>(['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'])

export interface Button {
  type?: string | null
  name?: string | null
  key?: string | null
  url?: string | null
  appId?: string | null
  pagePath?: string | null
  articleId?: string | null
  subButtons?: Button[] | null
}

export interface Menu {
  buttons: Button[]
  conditionals?: { tagId?: string | null; buttons: Button[] }[] | null
}

const encoder = new TextEncoder()

/** The UTF-8 bytes WeChat counts. */
export function utf8Bytes(text: string | null | undefined): number {
  return text ? encoder.encode(text).length : 0
}

// Characters a reader does not see, trimmed from both ends as the server trims them
// (zero-width, BOM, variation selectors, no-break and other spaces).
const INVISIBLE = /^[\s\u00a0\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]+|[\s\u00a0\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]+$/g

export function trimInvisible(text: string | null | undefined): string {
  return (text ?? '').replace(INVISIBLE, '')
}

/** A button's name limit: 16 bytes top-level, 60 for a sub-button. */
export function nameLimit(sub: boolean): number {
  return sub ? LIMITS.subNameBytes : LIMITS.nameBytes
}

function httpUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== ''
  } catch {
    return false
  }
}

/**
 * The paths of the fields that break a limit, as admin-api names them
 * (buttons[1].subButtons[3].name), each with the limit in its message key.
 */
export function menuProblems(menu: Menu): Map<string, { key: string; limit?: number }> {
  const out = new Map<string, { key: string; limit?: number }>()
  checkButtons(out, 'buttons', menu.buttons ?? [])
  const conditionals = menu.conditionals ?? []
  if (conditionals.length > 0 && (menu.buttons ?? []).length === 0) out.set('buttons', { key: 'needsDefault' })
  conditionals.forEach((c, i) => {
    const at = `conditionals[${i}]`
    if (!/^[0-9]{1,10}$/.test(trimInvisible(c.tagId))) out.set(at + '.tagId', { key: 'tag' })
    if ((c.buttons ?? []).length === 0) out.set(at + '.buttons', { key: 'buttons', limit: LIMITS.buttons })
    checkButtons(out, at + '.buttons', c.buttons ?? [])
  })
  return out
}

function checkButtons(out: Map<string, { key: string; limit?: number }>, path: string, buttons: Button[]) {
  if (buttons.length > LIMITS.buttons) out.set(path, { key: 'buttons', limit: LIMITS.buttons })
  buttons.slice(0, LIMITS.buttons).forEach((b, i) => {
    const at = `${path}[${i}]`
    checkName(out, at, b.name, false)
    const subs = b.subButtons ?? []
    if (subs.length === 0) {
      checkAction(out, at, b)
      return
    }
    if (trimInvisible(b.type) || trimInvisible(b.key) || trimInvisible(b.url)) out.set(at + '.type', { key: 'parentAction' })
    if (subs.length > LIMITS.subButtons) out.set(at + '.subButtons', { key: 'subButtons', limit: LIMITS.subButtons })
    subs.slice(0, LIMITS.subButtons).forEach((s, j) => {
      const subAt = `${at}.subButtons[${j}]`
      checkName(out, subAt, s.name, true)
      checkAction(out, subAt, s)
    })
  })
}

function checkName(out: Map<string, { key: string; limit?: number }>, at: string, raw: string | null | undefined, sub: boolean) {
  const name = trimInvisible(raw)
  if (!name) out.set(at + '.name', { key: 'name' })
  else if (utf8Bytes(name) > nameLimit(sub)) out.set(at + '.name', { key: 'bytes', limit: nameLimit(sub) })
}

function checkAction(out: Map<string, { key: string; limit?: number }>, at: string, b: Button) {
  const type = trimInvisible(b.type)
  if (!(TYPES as readonly string[]).includes(type)) {
    out.set(at + '.type', { key: 'type' })
    return
  }
  if (KEY_TYPES.has(type)) {
    const key = trimInvisible(b.key)
    if (!key) out.set(at + '.key', { key: 'key' })
    else if (utf8Bytes(key) > LIMITS.keyBytes) out.set(at + '.key', { key: 'bytes', limit: LIMITS.keyBytes })
  }
  if (type === 'view' || type === 'miniprogram') {
    const url = trimInvisible(b.url)
    if (!url) out.set(at + '.url', { key: 'url' })
    else if (utf8Bytes(url) > LIMITS.urlBytes) out.set(at + '.url', { key: 'bytes', limit: LIMITS.urlBytes })
    else if (!httpUrl(url)) out.set(at + '.url', { key: 'url' })
  }
  if (type === 'miniprogram') {
    if (!/^wx[0-9a-zA-Z]{16}$/.test(trimInvisible(b.appId))) out.set(at + '.appId', { key: 'appId' })
    if (!trimInvisible(b.pagePath)) out.set(at + '.pagePath', { key: 'pagePath' })
  }
  if ((type === 'article_id' || type === 'article_view_limited') && !trimInvisible(b.articleId)) out.set(at + '.articleId', { key: 'articleId' })
}
