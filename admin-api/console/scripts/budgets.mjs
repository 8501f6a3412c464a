// The console's budgets. Run on its own after a build (npm run budgets [dir]) it checks the
// initial JavaScript; the end-to-end run (e2e/scenarios/90-budgets.mjs) measures the same on
// the served console, plus first paint on loopback and the queue with 10,000 tickets.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BUDGETS = {
  initialJsGzipKb: 300,
  firstPaintMs: 1000,
  // Opening the queue and changing its page include the server's query over 10,000 tickets
  // (count and OFFSET paging) on a shared 2-core CI machine; the browser's part is the
  // longest-task budget below.
  queueFirstRowsMs: 2000,
  queuePageChangeMs: 2000,
  queueLongestTaskMs: 200,
}

/**
 * What a browser must load before the console can run: index.html's module script and
 * the chunks it preloads (every route's own chunk is loaded when the route is opened).
 */
export function initialScripts(html) {
  const out = new Set()
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]*src="([^"]+)"/g)) out.add(m[1])
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*href="([^"]+)"/g)) out.add(m[1])
  return [...out]
}

export async function initialJsGzipBytes(html, load) {
  let total = 0
  for (const src of initialScripts(html)) total += gzipSync(await load(src), { level: 9 }).length
  return total
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist'
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const bytes = await initialJsGzipBytes(html, async (src) => readFileSync(join(dir, src.replace(/^\/console\//, ''))))
  const kb = Math.round((bytes / 1024) * 10) / 10
  console.log(`BUDGET initial JavaScript (gzip): ${kb} KB (limit ${BUDGETS.initialJsGzipKb} KB) in ${initialScripts(html).length} files`)
  if (kb > BUDGETS.initialJsGzipKb) {
    console.error('The console\'s initial JavaScript is over budget: lazy-load the route or library that grew it.')
    process.exit(1)
  }
}
