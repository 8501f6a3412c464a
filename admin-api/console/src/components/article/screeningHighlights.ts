import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Node as PmNode } from '@tiptap/pm/model'
import { docRanges, visibleTextOfDoc } from '@/lib/highlight'

/** A body finding as the editor highlights it: screening's [start, end) of visible text. */
export interface BodyHit {
  start: number
  end: number
  /** Index into the page's list of findings (data-finding on the marks). */
  index: number
}

export const screeningKey = new PluginKey<DecorationSet>('screening-highlights')

/**
 * The decorations of body findings on a document: <mark class="finding" data-finding="i">
 * around each stretch of the hit. Decorations only: the document (and so the HTML that is
 * saved and screened) is never changed by highlighting.
 */
export function findingDecorations(doc: PmNode, hits: BodyHit[]): DecorationSet {
  const visible = visibleTextOfDoc(doc)
  const decorations: Decoration[] = []
  for (const hit of hits) {
    for (const r of docRanges(visible, hit.start, hit.end)) {
      decorations.push(Decoration.inline(r.from, r.to, { nodeName: 'mark', class: 'finding', 'data-finding': String(hit.index) }))
    }
  }
  return DecorationSet.create(doc, decorations)
}

/** Where a finding starts in the document, to put the cursor there; null if it is not in the text. */
export function findingPosition(doc: PmNode, start: number, end: number): { from: number; to: number } | null {
  const ranges = docRanges(visibleTextOfDoc(doc), start, end)
  return ranges.length ? { from: ranges[0].from, to: ranges[ranges.length - 1].to } : null
}

export function currentDecorations(state: EditorState): DecorationSet {
  return screeningKey.getState(state) ?? DecorationSet.empty
}

/**
 * Shows screening's body findings. The page sets them with
 * `tr.setMeta(screeningKey, hits)` for the document that was screened; while the person
 * types, the marks move with the text they cover (and vanish with it) until the next
 * result replaces them.
 */
export const ScreeningHighlights = Extension.create({
  name: 'screeningHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: screeningKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old) {
            const hits = tr.getMeta(screeningKey) as BodyHit[] | undefined
            if (hits) return findingDecorations(tr.doc, hits)
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old
          },
        },
        props: {
          decorations: (state) => screeningKey.getState(state),
        },
      }),
    ]
  },
})
