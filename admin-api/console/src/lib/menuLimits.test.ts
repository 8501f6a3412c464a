import { describe, expect, it } from 'vitest'
import fixture from './menu-limits.fixtures.json'
import { LIMITS, menuProblems, nameLimit, trimInvisible, utf8Bytes, type Menu } from './menuLimits'

describe('menu limits', () => {
  it('counts UTF-8 bytes as WeChat does: CJK 3, emoji 4, ASCII 1', () => {
    expect(utf8Bytes('服务')).toBe(6)
    expect(utf8Bytes('𠀋')).toBe(4)
    expect(utf8Bytes('😀ab')).toBe(6)
    expect(utf8Bytes('')).toBe(0)
    expect(utf8Bytes(null)).toBe(0)
  })

  it('has the limits of the fixture admin-api checks', () => {
    expect(LIMITS).toEqual({ buttons: 3, subButtons: 5, nameBytes: 16, subNameBytes: 60, keyBytes: 128, urlBytes: 1024 })
    expect(nameLimit(false)).toBe(16)
    expect(nameLimit(true)).toBe(60)
  })

  it('trims invisible characters as the server does', () => {
    expect(trimInvisible('\u200b 服务\ufeff ')).toBe('服务')
    expect(trimInvisible('\u200b\u200b')).toBe('')
  })

  it('a name of exactly 16 bytes passes, 17 does not', () => {
    expect(menuProblems({ buttons: [{ type: 'click', name: '一二三四五a', key: 'K' }] }).size).toBe(0)
    expect([...menuProblems({ buttons: [{ type: 'click', name: '一二三四五ab', key: 'K' }] }).keys()]).toEqual(['buttons[0].name'])
  })

  for (const c of fixture.cases) {
    it(`names the server's paths: ${c.name}`, () => {
      expect([...menuProblems(c.menu as Menu).keys()].sort()).toEqual([...c.paths].sort())
    })
  }
})
