// Brings console/openapi.json and the generated client up to date with admin-api.
//   npm --prefix admin-api/console run api:update            (after ConsoleApiDriftTests failed:
//                                                            it left the served description in
//                                                            admin-api/target/console-api/)
//   npm --prefix admin-api/console run api:update -- http://127.0.0.1:8081   (from a running admin-api)
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const left = join(root, '..', 'target', 'console-api', 'openapi.json')
const from = process.argv[2]

let spec
if (from) {
  const r = await fetch(new URL('/v3/api-docs', from))
  if (!r.ok) throw new Error(`GET ${from}/v3/api-docs answered ${r.status}`)
  spec = await r.json()
} else if (existsSync(left)) {
  spec = JSON.parse(readFileSync(left, 'utf8'))
} else {
  console.error(
    'No served description found. Either run the drift test first:\n' +
      "  ./mvnw -B -pl admin-api -am -Dtest=ConsoleApiDriftTests -Dsurefire.failIfNoSpecifiedTests=false verify\n" +
      'or pass a running admin-api: npm --prefix admin-api/console run api:update -- http://127.0.0.1:8081',
  )
  process.exit(1)
}

// Same normalisation as ConsoleApiDriftTests: keys sorted at every level, no `servers`.
const sort = (v) =>
  Array.isArray(v)
    ? v.map(sort)
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.keys(v).filter((k) => k !== 'servers').sort().map((k) => [k, sort(v[k])]))
      : v
writeFileSync(join(root, 'openapi.json'), JSON.stringify(sort(spec), null, 2) + '\n')
const gen = spawnSync(process.execPath, ['node_modules/openapi-typescript/bin/cli.js', 'openapi.json', '-o', 'src/api/schema.d.ts'], {
  cwd: root,
  stdio: 'inherit',
})
process.exit(gen.status ?? 1)
