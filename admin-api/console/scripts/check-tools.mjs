// Run by Maven before anything else of the console: the build needs Node 20+ and npm on PATH.
import { spawnSync } from 'node:child_process'

const [major] = process.versions.node.split('.').map(Number)
if (major < 20) {
  console.error(`wxops console: Node.js 20 or newer is required on PATH; found node ${process.version} (${process.execPath}).`)
  process.exit(1)
}
const npm = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' })
if (npm.error || npm.status !== 0) {
  console.error('wxops console: npm is required on PATH (it comes with Node.js 20+) but could not be run.')
  process.exit(1)
}
console.log(`wxops console: node ${process.version}, npm ${npm.stdout.trim()}`)
