import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LiveScreening } from './articleScreening'

interface Call {
  draft: string
  signal: AbortSignal
  resolve: (r: string) => void
  reject: (e: unknown) => void
}

function setup(delayMs = 400) {
  const calls: Call[] = []
  const results: string[] = []
  const errors: unknown[] = []
  const pending: boolean[] = []
  const live = new LiveScreening<string, string>({
    screen: (draft, signal) => new Promise((resolve, reject) => calls.push({ draft, signal, resolve, reject })),
    onResult: (r) => results.push(r),
    onError: (e) => errors.push(e),
    onPending: (p) => pending.push(p),
    delayMs,
  })
  return { live, calls, results, errors, pending }
}

describe('screening while typing', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits for a pause and screens only the last text', async () => {
    const { live, calls } = setup()
    live.change('a')
    await vi.advanceTimersByTimeAsync(200)
    live.change('ab')
    await vi.advanceTimersByTimeAsync(200)
    live.change('abc')
    await vi.advanceTimersByTimeAsync(399)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls.map((c) => c.draft)).toEqual(['abc'])
  })

  it('aborts the request of an older text when the text changes', async () => {
    const { live, calls } = setup()
    live.change('old')
    await vi.advanceTimersByTimeAsync(400)
    live.change('new')
    expect(calls[0].signal.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(400)
    expect(calls[1].signal.aborted).toBe(false)
  })

  it('never shows the findings of an older text over a newer one, whatever order the answers come in', async () => {
    const { live, calls, results, pending } = setup()
    live.change('old')
    await vi.advanceTimersByTimeAsync(400)
    live.change('new')
    await vi.advanceTimersByTimeAsync(400)
    calls[1].resolve('result of new')
    await vi.advanceTimersByTimeAsync(0)
    calls[0].resolve('result of old') // a server that ignored the abort
    await vi.advanceTimersByTimeAsync(0)
    expect(results).toEqual(['result of new'])
    expect(pending[pending.length - 1]).toBe(false)
  })

  it('drops an answer that arrives after a further change, even before that change is screened', async () => {
    const { live, calls, results, pending } = setup()
    live.change('first')
    await vi.advanceTimersByTimeAsync(400)
    live.change('second') // still waiting for the pause
    calls[0].resolve('result of first')
    await vi.advanceTimersByTimeAsync(0)
    expect(results).toEqual([])
    expect(pending[pending.length - 1]).toBe(true)
  })

  it('reports a failure of the current text but not of an aborted one', async () => {
    const { live, calls, errors } = setup()
    live.change('a')
    await vi.advanceTimersByTimeAsync(400)
    live.change('b')
    calls[0].reject(new DOMException('aborted', 'AbortError'))
    await vi.advanceTimersByTimeAsync(400)
    calls[1].reject(new Error('server down'))
    await vi.advanceTimersByTimeAsync(0)
    expect(errors).toHaveLength(1)
  })

  it('screens at once when asked, and nothing after stop', async () => {
    const { live, calls } = setup()
    live.now('opened')
    await vi.advanceTimersByTimeAsync(0)
    expect(calls.map((c) => c.draft)).toEqual(['opened'])
    live.stop()
    expect(calls[0].signal.aborted).toBe(true)
    live.change('late')
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(1)
  })
})
