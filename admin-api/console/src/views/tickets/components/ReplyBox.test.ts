// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { i18n } from '@/i18n'
import { observeServerTime, resetServerClock } from '@/lib/clock'
import ReplyBox from './ReplyBox.vue'

function mountBox(window: object, closed = false) {
  return mount(ReplyBox, {
    props: { ticketId: 7, window, closed, canReply: true },
    global: { plugins: [createPinia(), i18n] },
  })
}

describe('the reply box', () => {
  afterEach(() => {
    resetServerClock()
    vi.restoreAllMocks()
  })

  it('shows the time and messages left on the server clock, and when the window closes in the account zone', () => {
    // The browser clock is a day behind; the server says it is 23:50 in Shanghai.
    observeServerTime('2026-12-01T15:50:00Z', Date.parse('2026-11-30T15:50:00Z'))
    vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-30T15:50:00Z'))
    const w = mountBox({ open: true, closesAt: '2026-12-01T16:30:00Z', messagesLeft: 4, accountZone: 'Asia/Shanghai' })
    const text = w.get('[data-testid="window-open"]').text()
    expect(text).toContain('剩余 0 小时 40 分钟')
    expect(text).toContain('还可发送 4 条')
    expect(text).toContain('明天 00:30')
  })

  it('says plainly that the follower must write again once the window has closed', () => {
    const w = mountBox({ open: false, closesAt: '2026-11-01T00:00:00Z', messagesLeft: 5, accountZone: 'Asia/Shanghai' })
    expect(w.find('[data-testid="window-open"]').exists()).toBe(false)
    expect(w.get('[data-testid="window-closed"]').text()).toContain('粉丝需要再次发消息')
  })
})
