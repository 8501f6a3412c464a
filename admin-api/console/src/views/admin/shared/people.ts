import { ref } from 'vue'
import { api, unwrap } from '@/api/client'
import { useSession } from '@/stores/session'

const names = ref(new Map<number, string>())
let loadedFor: number | null = null

/**
 * Who a record's person id is, for the "by" columns of histories: the people the reader may
 * see (ADMIN and AUDITOR may list them), loaded once per signed-in person (another person
 * signing in on the same tab loads their own); '#id' for anyone else, and "system" for an
 * action without a person.
 */
export function usePersonNames() {
  const me = useSession().me?.person?.id ?? null
  if (me !== loadedFor) {
    loadedFor = me
    names.value = new Map()
    unwrap(api.GET('/api/people', { params: { query: { size: 200 } } }))
      .then((r) => {
        const m = new Map<number, string>()
        for (const p of r.items ?? []) if (p.id != null) m.set(p.id, p.displayName || p.username || '#' + p.id)
        if (loadedFor === me) names.value = m
      })
      .catch(() => {
        // Names are a convenience: without them the columns show ids.
        if (loadedFor === me) loadedFor = null
      })
  }
  return (id: number | null | undefined, system: string): string => (id == null ? system : (names.value.get(id) ?? '#' + id))
}
