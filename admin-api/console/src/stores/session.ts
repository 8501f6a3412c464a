import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, unwrap } from '@/api/client'
import { ApiProblem } from '@/api/problem'
import type { components } from '@/api/schema'
import { observeServerTime } from '@/lib/clock'
import type { Role } from '@/router/types'

type Person = components['schemas']['PersonView']
type Grant = components['schemas']['Grant']

/** GET /api/session as the console uses it (the extra members come from the console session). */
interface Me {
  person?: Person
  grants?: Grant[]
  mustChangePassword?: boolean
  idleTimeoutSeconds?: number
  serverTime?: string
}

/**
 * Who is signed in. The session itself is an httpOnly cookie the page cannot read; this
 * store only knows what GET /api/session answered.
 */
export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loaded = ref(false)
  const mustChangePassword = ref(false)
  const idleTimeoutSeconds = ref(30 * 60)

  const roles = computed<Set<Role>>(() => new Set((me.value?.grants ?? []).map((g) => g.role as Role)))
  const signedIn = computed(() => me.value !== null)
  const displayName = computed(() => me.value?.person?.displayName || me.value?.person?.username || '')

  function hasAnyRole(wanted: Role[] | undefined): boolean {
    if (!wanted || wanted.length === 0) return true
    return wanted.some((r) => roles.value.has(r))
  }

  function accept(m: Me): void {
    me.value = m
    mustChangePassword.value = !!m.mustChangePassword
    if (m.idleTimeoutSeconds) idleTimeoutSeconds.value = m.idleTimeoutSeconds
    observeServerTime(m.serverTime)
    loaded.value = true
  }

  /** Loads the session once (or again with force); false when nobody is signed in. */
  async function load(force = false): Promise<boolean> {
    if (loaded.value && !force) return signedIn.value
    try {
      accept((await unwrap(api.GET('/api/session'))) as Me)
      return true
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 403 && e.slug === 'password-change-required') {
        // Signed in, but only the password page is open until it is changed.
        mustChangePassword.value = true
        me.value = me.value ?? {}
        loaded.value = true
        return true
      }
      if (e instanceof ApiProblem && e.status === 401) {
        clear()
        loaded.value = true
        return false
      }
      throw e
    }
  }

  async function signIn(username: string, password: string): Promise<void> {
    const r = await unwrap(api.POST('/api/session/console', { body: { username, password } }))
    mustChangePassword.value = !!r?.mustChangePassword
    if (r?.idleTimeoutSeconds) idleTimeoutSeconds.value = r.idleTimeoutSeconds
    loaded.value = false
    await load(true)
  }

  async function signOut(): Promise<void> {
    try {
      await unwrap(api.DELETE('/api/session'))
    } catch {
      // Already gone on the server: the page still forgets it.
    }
    clear()
  }

  function clear(): void {
    me.value = null
    mustChangePassword.value = false
    loaded.value = true
  }

  return { me, loaded, roles, signedIn, displayName, mustChangePassword, idleTimeoutSeconds, hasAnyRole, load, signIn, signOut, clear }
})
