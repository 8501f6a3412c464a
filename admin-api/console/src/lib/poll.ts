import { onBeforeUnmount, ref, shallowRef, type Ref } from 'vue'
import { ApiProblem, networkProblem, toProblem } from '@/api/problem'
import { reportSessionProblem } from '@/api/client'

/**
 * Live data by polling with If-None-Match: admin-api answers `no-store` with an ETag that
 * depends only on the content, so any admin instance answers 304 when nothing changed and
 * the page keeps what it shows. The browser does not revalidate a no-store answer, so the
 * tag is kept here and sent by the console itself.
 */
export interface Poller<T> {
  data: Ref<T | undefined>
  problem: Ref<ApiProblem | null>
  loading: Ref<boolean>
  /** Fetch now (e.g. after a change of filters or an action), whatever the tag. */
  refresh: (force?: boolean) => Promise<void>
  stop: () => void
}

export interface PollOptions {
  intervalMs?: number
  /** Slower while the tab is hidden. */
  hiddenIntervalMs?: number
  immediate?: boolean
}

export async function conditionalGet<T>(url: string, etag: string | null): Promise<{ status: number; etag: string | null; data?: T }> {
  let response: Response
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      // X-Wxops-Poll: a background poll does not count as activity for the idle timeout.
      headers: etag ? { Accept: 'application/json', 'X-Wxops-Poll': '1', 'If-None-Match': etag } : { Accept: 'application/json', 'X-Wxops-Poll': '1' },
      cache: 'no-store',
    })
  } catch (e) {
    throw networkProblem(e)
  }
  if (response.status === 304) {
    return { status: 304, etag }
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}))
    throw toProblem(response.status, body)
  }
  return { status: response.status, etag: response.headers.get('ETag'), data: (await response.json()) as T }
}

export function usePoll<T>(url: () => string | null, options: PollOptions = {}): Poller<T> {
  const interval = options.intervalMs ?? 1000
  const hiddenInterval = options.hiddenIntervalMs ?? 10_000
  const data = shallowRef<T | undefined>(undefined)
  const problem = ref<ApiProblem | null>(null)
  const loading = ref(false)
  let etag: string | null = null
  let lastUrl: string | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false
  let inFlight: Promise<void> | null = null

  async function once(force: boolean): Promise<void> {
    const u = url()
    if (!u) return
    if (u !== lastUrl || force) {
      etag = null
      lastUrl = u
    }
    loading.value = data.value === undefined
    try {
      const r = await conditionalGet<T>(u, etag)
      if (u !== lastUrl) return // filters changed while this was in flight
      if (r.status !== 304) {
        data.value = r.data
        etag = r.etag
      }
      problem.value = null
    } catch (e) {
      problem.value = e instanceof ApiProblem ? e : networkProblem(e)
      reportSessionProblem(problem.value)
    } finally {
      loading.value = false
    }
  }

  function schedule(): void {
    if (stopped) return
    const wait = typeof document !== 'undefined' && document.hidden ? hiddenInterval : interval
    timer = setTimeout(async () => {
      await refresh(false)
      schedule()
    }, wait)
  }

  async function refresh(force = true): Promise<void> {
    if (inFlight && !force) return inFlight
    inFlight = once(force).finally(() => (inFlight = null))
    return inFlight
  }

  function stop(): void {
    stopped = true
    if (timer) clearTimeout(timer)
  }

  if (options.immediate !== false) {
    void refresh(true)
  }
  schedule()
  onBeforeUnmount(stop)
  return { data, problem, loading, refresh, stop }
}
