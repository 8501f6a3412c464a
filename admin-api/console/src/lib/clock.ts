/**
 * The server's clock as the console sees it. Every time the API tells us its time
 * (`serverTime` in the session, "my work" and a ticket's window) the offset to the browser's
 * clock is updated, so countdowns and "overdue" follow the server, not a browser whose clock
 * is wrong.
 */
let offsetMs = 0

export function observeServerTime(serverTime: string | undefined | null, receivedAtMs: number = Date.now()): void {
  if (!serverTime) return
  const server = Date.parse(serverTime)
  if (!Number.isNaN(server)) {
    offsetMs = server - receivedAtMs
  }
}

export function serverNow(): number {
  return Date.now() + offsetMs
}

export function serverOffsetMs(): number {
  return offsetMs
}

/** For tests. */
export function resetServerClock(): void {
  offsetMs = 0
}
