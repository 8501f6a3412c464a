import { describe, expect, it } from 'vitest'
import { charCount, emptyFilter, followerQuery, formatEta, isReservedTag, shortOpenid, syncActive, syncPercent, textProblem } from './followers'

describe('tags and texts', () => {
  it('knows WeChat’s reserved tags', () => {
    expect([0, 1, 2].every(isReservedTag)).toBe(true)
    expect(isReservedTag(3)).toBe(false)
    expect(isReservedTag(100)).toBe(false)
  })

  it('counts characters as WeChat does', () => {
    expect(charCount('𠀀'.repeat(30))).toBe(30)
    expect(charCount('学生😀')).toBe(3)
  })

  it('refuses empty, long and invisible texts before sending', () => {
    expect(textProblem('  ', 30)).toBe('followers.problem.empty')
    expect(textProblem('', 30, true)).toBeNull()
    expect(textProblem('长'.repeat(31), 30)).toBe('followers.problem.tooLong')
    expect(textProblem('𠀀'.repeat(30), 30)).toBeNull()
    expect(textProblem('学\u200B生', 30)).toBe('followers.problem.invisible')
    expect(textProblem('a\u0007b', 30)).toBe('followers.problem.invisible')
    expect(textProblem(' 教职工 ', 30)).toBeNull()
  })
})

describe('the follower list query', () => {
  it('sends only the filters chosen', () => {
    expect(followerQuery(emptyFilter())).toBe('page=0&size=20')
  })

  it('turns days in the account’s zone into a half-open range of instants', () => {
    const q = new URLSearchParams(followerQuery({ ...emptyFilter(), from: '2026-03-01', to: '2026-03-01', tagId: 101, scene: 'ADD_SCENE_QR_CODE', blacklisted: true }))
    expect(q.get('subscribedFrom')).toBe('2026-02-28T16:00:00.000Z')
    expect(q.get('subscribedTo')).toBe('2026-03-01T16:00:00.000Z')
    expect(q.get('tagId')).toBe('101')
    expect(q.get('scene')).toBe('ADD_SCENE_QR_CODE')
    expect(q.get('blacklisted')).toBe('true')
  })

  it('uses the account’s own zone, with its offset on each day', () => {
    // New York: EST (-05:00) on 7 March 2026, EDT (-04:00) from 8 March.
    const ny = new URLSearchParams(followerQuery({ ...emptyFilter(), from: '2026-03-07', to: '2026-03-08' }, 'America/New_York'))
    expect(ny.get('subscribedFrom')).toBe('2026-03-07T05:00:00.000Z')
    expect(ny.get('subscribedTo')).toBe('2026-03-09T04:00:00.000Z')
    const kathmandu = new URLSearchParams(followerQuery({ ...emptyFilter(), from: '2026-01-01', to: '2026-12-31' }, 'Asia/Kathmandu'))
    expect(kathmandu.get('subscribedFrom')).toBe('2025-12-31T18:15:00.000Z')
    expect(kathmandu.get('subscribedTo')).toBe('2026-12-31T18:15:00.000Z')
    const utc = new URLSearchParams(followerQuery({ ...emptyFilter(), from: '2026-03-01', to: '2026-03-01' }, 'UTC'))
    expect(utc.get('subscribedFrom')).toBe('2026-03-01T00:00:00.000Z')
    expect(utc.get('subscribedTo')).toBe('2026-03-02T00:00:00.000Z')
  })

  it('crosses the end of a month', () => {
    const q = new URLSearchParams(followerQuery({ ...emptyFilter(), to: '2026-02-28' }))
    expect(q.get('subscribedTo')).toBe('2026-02-28T16:00:00.000Z')
  })
})

describe('sync progress', () => {
  it('gives percent, unknown without a total, 100 when complete', () => {
    expect(syncPercent({ state: 'RUNNING', done: 250, total: 1000 })).toBe(25)
    expect(syncPercent({ state: 'RUNNING', done: 0, total: undefined })).toBeNull()
    expect(syncPercent({ state: 'COMPLETE', done: 0, total: 0 })).toBe(100)
    expect(syncPercent({ state: 'RUNNING', done: 1200, total: 1000 })).toBe(100)
  })

  it('formats the time left', () => {
    expect(formatEta(42)).toBe('42 s')
    expect(formatEta(185)).toBe('3 min 05 s')
    expect(formatEta(3720)).toBe('1 h 02 min')
    expect(formatEta(null)).toBe('')
    expect(formatEta(-1)).toBe('')
  })

  it('polls while running or sweeping only', () => {
    expect(syncActive({ state: 'RUNNING' })).toBe(true)
    expect(syncActive({ state: 'SWEEPING' })).toBe(true)
    expect(syncActive({ state: 'PAUSED' })).toBe(false)
    expect(syncActive(null)).toBe(false)
  })

  it('shortens openids for the list', () => {
    expect(shortOpenid('oSIM000000000000000000000042')).toBe('…0000000042')
    expect(shortOpenid('o_short')).toBe('o_short')
  })
})
