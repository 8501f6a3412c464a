// Runs the admin and auditor scenarios against a running local system:
//   node e2e/admin/run.mjs http://127.0.0.1:8081 <demo password> [scenario-file ...]
// (the password is in ~/.wxops/local-demo-password). Exits non-zero when any fails.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { launch } from './support.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const [base, password, ...only] = process.argv.slice(2)
if (!base || !password) {
  console.error('usage: node e2e/admin/run.mjs <admin-api base URL> <demo password> [scenario files]')
  process.exit(2)
}
const files = only.length ? only : readdirSync(here).filter((f) => /^(scenario-|pages-).*\.mjs$/.test(f)).sort()
const browser = await launch()
let failed = 0
for (const f of files) {
  const mod = await import(pathToFileURL(join(here, f.replace(/^.*\//, ''))).href)
  const started = Date.now()
  try {
    await mod.default({ browser, base, password })
    console.log(`ok   ${f}: ${mod.title} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  } catch (e) {
    failed++
    console.log(`FAIL ${f}: ${mod.title}\n${e.stack ?? e}`)
  }
}
await browser.close()
process.exit(failed ? 1 : 0)
