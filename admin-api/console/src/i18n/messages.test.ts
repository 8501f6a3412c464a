import { describe, expect, it } from 'vitest'
import { messages } from '.'

function keys(o: unknown, prefix = ''): string[] {
  if (o === null || typeof o !== 'object') return [prefix]
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? prefix + '.' + k : k))
}

describe('messages', () => {
  it('has every key in both languages', () => {
    const zh = keys(messages['zh-CN']).sort()
    const en = keys(messages.en).sort()
    expect(en.filter((k) => !zh.includes(k))).toEqual([])
    expect(zh.filter((k) => !en.includes(k))).toEqual([])
  })

  it('has no empty message', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const flat = keys(messages[locale])
      for (const k of flat) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages[locale])
        if (typeof v === 'string') expect(v.trim(), `${locale} ${k}`).not.toBe('')
      }
    }
  })
})
