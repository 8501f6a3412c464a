// `npm ci`, skipped when node_modules was installed from exactly this package-lock.json
// (a stamp holds the lock file's hash), so repeated builds do not reinstall. --prefer-offline
// lets a build without network install from the npm cache.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lock = readFileSync(join(root, 'package-lock.json'))
const hash = createHash('sha256').update(lock).update(process.version).digest('hex')
const stamp = join(root, 'node_modules', '.wxops-install-stamp')

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log('wxops console: node_modules matches package-lock.json, npm ci skipped')
  process.exit(0)
}
const win = process.platform === 'win32'
const r = spawnSync(win ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: root, stdio: 'inherit', shell: win })
if (r.status !== 0) {
  console.error('wxops console: npm ci failed (see above). Offline, it needs the packages in the npm cache from an earlier install.')
  process.exit(r.status ?? 1)
}
writeFileSync(stamp, hash + '\n')
