import { afterEach, describe, expect, it } from 'vitest'
import { observeServerTime, resetServerClock, serverNow, serverOffsetMs } from './clock'

describe('the server clock', () => {
  afterEach(resetServerClock)

  it('follows the server when the browser clock is off', () => {
    const received = Date.now()
    observeServerTime(new Date(received + 3_600_000).toISOString(), received)
    expect(serverOffsetMs()).toBe(3_600_000)
    expect(Math.abs(serverNow() - (Date.now() + 3_600_000))).toBeLessThan(50)
  })

  it('ignores a missing or unreadable server time', () => {
    observeServerTime(undefined)
    observeServerTime('not a time')
    expect(serverOffsetMs()).toBe(0)
  })
})
