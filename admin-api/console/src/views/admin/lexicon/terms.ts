import type { components } from '@/api/schema'

export type Category = NonNullable<components['schemas']['TermView']['category']>

/** The rules' seven categories, then internal office information and marketing. */
export const CATEGORIES: Category[] = [
  'STATE_SECURITY',
  'ETHNIC_CULT_SUPERSTITION',
  'RUMOUR_INSULT_DEFAMATION',
  'OBSCENITY_VIOLENCE_CRIME',
  'ILLEGAL_ASSEMBLY',
  'UNVERIFIED_OR_UNAPPROVED',
  'OTHER_PROHIBITED',
  'INTERNAL_OFFICE',
  'COMMERCIAL_MARKETING',
]

export const MAX_TERM = 64
export const MAX_BATCH = 50_000

export interface ParsedBatch {
  /** The terms to send, each once, in the order typed. */
  terms: string[]
  /** Lines typed more than once (by 1-based line number of the repeat). */
  repeats: number[]
  /** Lines longer than the API takes (1-based line numbers). */
  tooLong: number[]
  /** For each term sent, the line it came from (to put the API's `terms[i]` errors back). */
  lines: number[]
}

/**
 * The terms an administrator pasted, one per line (also separated by commas or the Chinese
 * 、，；): trimmed, blank lines skipped, repeats dropped. Over-long lines are reported, not
 * silently cut.
 */
export function parseBatch(text: string): ParsedBatch {
  const out: ParsedBatch = { terms: [], repeats: [], tooLong: [], lines: [] }
  const seen = new Set<string>()
  text.split(/\r?\n/).forEach((line, index) => {
    for (const piece of line.split(/[,，、;；]/)) {
      const term = piece.trim()
      if (!term) continue
      if ([...term].length > MAX_TERM) {
        out.tooLong.push(index + 1)
        continue
      }
      if (seen.has(term)) {
        out.repeats.push(index + 1)
        continue
      }
      seen.add(term)
      out.terms.push(term)
      out.lines.push(index + 1)
    }
  })
  return out
}

/**
 * The API's field errors for a batch (`terms[3].term`) as line-numbered messages, so the
 * administrator finds the line to fix in what they pasted.
 */
export function batchErrors(fieldErrors: Record<string, string>, batch: ParsedBatch): { line: number | null; message: string }[] {
  const out: { line: number | null; message: string }[] = []
  for (const [field, message] of Object.entries(fieldErrors)) {
    const m = /^terms\[(\d+)\]/.exec(field)
    const index = m ? Number(m[1]) : -1
    out.push({ line: index >= 0 && index < batch.lines.length ? batch.lines[index] : null, message })
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}
