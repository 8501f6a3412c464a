// Runs every scenario file in e2e/scenarios/ (in name order) against a running local system.
// ConsoleEndToEndTests (wx-local) starts the system once and runs this with:
//   WXOPS_CONSOLE_URL, WXOPS_SIMULATOR_URL, WXOPS_DEMO_PASSWORD, WXOPS_SCREENSHOTS,
//   optional CHROME_PATH and WXOPS_E2E_ONLY (comma-separated parts of scenario file names).
// A scenario file default-exports { name, run(h) } or a list of them; h is e2e/lib.mjs's harness.
// Exit status 0 only when every scenario passed.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createHarness } from './lib.mjs'

const dir = join(dirname(fileURLToPath(import.meta.url)), 'scenarios')
const only = (process.env.WXOPS_E2E_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

let failed = 0
let passed = 0
const started = Date.now()
let h
try {
  h = await createHarness()
} catch (e) {
  console.error('FAIL harness: ' + e.message)
  process.exit(1)
}
try {
  for (const f of files) {
    const mod = await import(pathToFileURL(join(dir, f)).href)
    const scenarios = Array.isArray(mod.default) ? mod.default : [mod.default]
    for (const s of scenarios) {
      const t0 = Date.now()
      try {
        await s.run(h)
        passed++
        console.log(`PASS ${f} › ${s.name} (${Date.now() - t0} ms)`)
      } catch (e) {
        failed++
        console.log(`FAIL ${f} › ${s.name} (${Date.now() - t0} ms): ${e.message}`)
        if (!(e.name === 'Failure' || e.constructor?.name === 'Failure')) console.log(e.stack)
      }
    }
  }
} finally {
  await h.close()
}
console.log(`pages checked with axe-core: ${h.checkedPages.length} (${h.checkedPages.map((p) => p.name).join(', ')})`)
console.log(`${passed} passed, ${failed} failed in ${Math.round((Date.now() - started) / 1000)} s`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
