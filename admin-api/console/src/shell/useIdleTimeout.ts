import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Signs out after `seconds` without the person touching the page. Live pages poll the API
 * on their own, so the server's idle clock alone would never run out while a queue is open;
 * this counts only what the person does.
 */
export function useIdleTimeout(seconds: () => number, onIdle: () => void, now: () => number = Date.now): void {
  let last = now()
  let timer: ReturnType<typeof setInterval> | null = null
  const touch = () => (last = now())
  const events = ['pointerdown', 'keydown', 'wheel', 'touchstart']
  onMounted(() => {
    events.forEach((e) => window.addEventListener(e, touch, { passive: true }))
    timer = setInterval(() => {
      if (now() - last > seconds() * 1000) {
        if (timer) clearInterval(timer)
        onIdle()
      }
    }, 5000)
  })
  onBeforeUnmount(() => {
    events.forEach((e) => window.removeEventListener(e, touch))
    if (timer) clearInterval(timer)
  })
}
