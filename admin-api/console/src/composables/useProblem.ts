import { ref } from 'vue'
import { ApiProblem, networkProblem } from '@/api/problem'

/**
 * A form's or action's last problem. `run` keeps the form as it is when a call fails (it
 * never resets the model), so nothing typed is lost; `fieldError` gives the server's error
 * for one field, for `<el-form-item :error>`.
 */
export function useProblem() {
  const problem = ref<ApiProblem | null>(null)
  const busy = ref(false)

  function fieldError(field: string): string {
    return problem.value?.fieldErrors[field] ?? ''
  }

  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    problem.value = null
    busy.value = true
    try {
      return await fn()
    } catch (e) {
      problem.value = e instanceof ApiProblem ? e : networkProblem(e)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { problem, busy, fieldError, run }
}
