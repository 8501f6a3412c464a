import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, unwrap } from '@/api/client'
import type { components } from '@/api/schema'
import { DEFAULT_ZONE } from '@/lib/zone'

export type Account = components['schemas']['AccountView']
export type Department = components['schemas']['DepartmentView']

const CURRENT = 'wxops.console.account'

/**
 * The accounts and departments the signed-in person may see, loaded once per session and
 * shared by every page (account pickers, department names, each account's time zone).
 */
export const useDirectory = defineStore('directory', () => {
  const accounts = ref<Account[]>([])
  const departments = ref<Department[]>([])
  const loaded = ref(false)
  const currentAccountId = ref<number | null>(Number(localStorage.getItem(CURRENT)) || null)

  const currentAccount = computed(() => accounts.value.find((a) => a.id === currentAccountId.value) ?? accounts.value[0] ?? null)

  async function load(force = false): Promise<void> {
    if (loaded.value && !force) return
    const [a, d] = await Promise.all([
      unwrap(api.GET('/api/accounts', { params: { query: { size: 200 } as never } })),
      unwrap(api.GET('/api/departments')),
    ])
    accounts.value = (a as { items?: Account[] }).items ?? []
    departments.value = (d as Department[]) ?? []
    loaded.value = true
  }

  function choose(id: number | null): void {
    currentAccountId.value = id
    if (id) localStorage.setItem(CURRENT, String(id))
  }

  function accountName(id: number | null | undefined): string {
    return accounts.value.find((a) => a.id === id)?.name ?? (id ? '#' + id : '')
  }

  function departmentName(id: number | null | undefined): string {
    return departments.value.find((d) => d.id === id)?.name ?? (id ? '#' + id : '')
  }

  /** The account's zone, which decides its "today" (Asia/Shanghai by default). */
  function zoneOf(id: number | null | undefined): string {
    return accounts.value.find((a) => a.id === id)?.policies?.timeZone || DEFAULT_ZONE
  }

  function reset(): void {
    accounts.value = []
    departments.value = []
    loaded.value = false
  }

  return { accounts, departments, loaded, currentAccountId, currentAccount, load, choose, accountName, departmentName, zoneOf, reset }
})
