/**
 * Screening while the editor types: each change waits `delayMs` of quiet (debounce), a
 * newer change aborts the request still running for an older text (AbortController), and a
 * result is delivered only if no change happened since its text was taken, so findings of
 * an older text never show over a newer one, whatever order the answers arrive in.
 */
export interface LiveScreeningOptions<D, R> {
  screen: (draft: D, signal: AbortSignal) => Promise<R>
  onResult: (result: R, draft: D) => void
  onError?: (error: unknown, draft: D) => void
  /** Called with true when a change is waiting or being screened, false when the shown result is current. */
  onPending?: (pending: boolean) => void
  delayMs?: number
}

export class LiveScreening<D, R> {
  private revision = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private controller: AbortController | null = null
  private stopped = false

  constructor(private readonly options: LiveScreeningOptions<D, R>) {}

  /** The text changed: screen it once the person pauses. */
  change(draft: D): void {
    this.schedule(draft, this.options.delayMs ?? 400)
  }

  /** Screen now (on opening, after a save). */
  now(draft: D): void {
    this.schedule(draft, 0)
  }

  stop(): void {
    this.stopped = true
    this.cancel()
  }

  private cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.controller?.abort()
    this.controller = null
  }

  private schedule(draft: D, delay: number): void {
    if (this.stopped) return
    const rev = ++this.revision
    this.cancel()
    this.options.onPending?.(true)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.run(draft, rev)
    }, delay)
  }

  private async run(draft: D, rev: number): Promise<void> {
    const controller = new AbortController()
    this.controller = controller
    try {
      const result = await this.options.screen(draft, controller.signal)
      if (rev !== this.revision || this.stopped) return
      this.controller = null
      this.options.onResult(result, draft)
      this.options.onPending?.(false)
    } catch (e) {
      if (rev !== this.revision || this.stopped || controller.signal.aborted) return
      this.controller = null
      this.options.onError?.(e, draft)
      this.options.onPending?.(false)
    }
  }
}
