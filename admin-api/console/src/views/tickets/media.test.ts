import { describe, expect, it } from 'vitest'
import { mediaView } from './media'

const now = Date.parse('2026-12-05T00:00:00Z')

describe('follower media in the thread', () => {
  it('follows the server state and link', () => {
    const v = mediaView({ id: 1, msgType: 'image', createdAt: '2026-12-04T00:00:00Z' }, { entryId: 1, state: 'EXPIRED', url: '/api/x' }, '/fallback', now)
    expect(v.state).toBe('EXPIRED')
  })

  it('without a server state, expires after WeChat’s 3 days on the server clock', () => {
    expect(mediaView({ id: 1, msgType: 'image', createdAt: '2026-12-01T23:59:00Z' }, undefined, '/f', now).state).toBe('EXPIRED')
    expect(mediaView({ id: 1, msgType: 'image', createdAt: '2026-12-02T00:01:00Z' }, undefined, '/f', now).state).toBe('AVAILABLE')
  })

  it('shows a voice by its recognition text', () => {
    const v = mediaView({ id: 2, msgType: 'voice', content: '我要投诉' }, { entryId: 2, state: 'AVAILABLE', url: '/api/v', recognition: '我要投诉食堂' }, '/f', now)
    expect(v.recognition).toBe('我要投诉食堂')
    expect(v.url).toBe('/api/v')
    expect(mediaView({ id: 2, msgType: 'voice', content: '' }, undefined, '/f', now).recognition).toBeNull()
  })
})
