/**
 * Where screening's findings are in what the editor shows.
 *
 * Screening (admin-api's screening/VisibleText.java and Finding.java) reports a body
 * finding as a half-open range of UTF-16 indices into the body's VISIBLE TEXT, not into
 * its HTML: text nodes only, entities decoded, the contents of script/style/head/template/
 * noscript/iframe/title/object/embed left out, every run of spaces, tabs and line breaks
 * shown as one space, block elements separated by one newline, no leading or trailing
 * whitespace. This file builds exactly that text, remembering for each of its chars where
 * it came from (a DOM text node and offset, or a ProseMirror position), so that a finding
 * maps back onto the document whatever tags, entities, emoji or 4-byte CJK it holds.
 * JavaScript strings are UTF-16 like Java's, so indices need no conversion.
 *
 * Title, author, digest and source findings index the field as submitted.
 */
import type { Node as PmNode } from '@tiptap/pm/model'

/** VisibleText.SKIPPED: elements whose content a reader never sees as text. */
export const SKIPPED = new Set(['script', 'style', 'head', 'template', 'noscript', 'iframe', 'title', 'object', 'embed'])

/** VisibleText.BLOCKS: elements separated from their neighbours by a newline. */
export const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
])

/** One char of the visible text came from char `offset` of source `source` (null: a line break between blocks). */
export interface Origin<S> {
  source: S
  offset: number
}

export interface VisibleText<S> {
  text: string
  /** origins[i] is where text[i] came from; null for a newline that separates blocks. */
  origins: (Origin<S> | null)[]
}

function isCollapsible(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f'
}

/** Builds visible text exactly as VisibleText.Collector does, with each char's origin. */
export class VisibleTextBuilder<S> {
  private chars: string[] = []
  private origins: (Origin<S> | null)[] = []

  append(s: string, source: S): void {
    for (let i = 0; i < s.length; i++) {
      const c = s[i]
      if (isCollapsible(c)) {
        const last = this.chars.length - 1
        if (last >= 0 && this.chars[last] !== ' ' && this.chars[last] !== '\n') {
          this.chars.push(' ')
          this.origins.push({ source, offset: i })
        }
      } else {
        this.chars.push(c)
        this.origins.push({ source, offset: i })
      }
    }
  }

  breakLine(): void {
    const last = this.chars.length - 1
    if (last < 0 || this.chars[last] === '\n') return
    if (this.chars[last] === ' ') {
      this.chars[last] = '\n'
      this.origins[last] = null
    } else {
      this.chars.push('\n')
      this.origins.push(null)
    }
  }

  finish(): VisibleText<S> {
    let end = this.chars.length
    while (end > 0 && (this.chars[end - 1] === ' ' || this.chars[end - 1] === '\n')) end--
    return { text: this.chars.slice(0, end).join(''), origins: this.origins.slice(0, end) }
  }
}

/** The visible text of a DOM tree (a parsed HTML body), each char's origin a Text node. */
export function visibleTextOfDom(root: Node): VisibleText<Text> {
  const b = new VisibleTextBuilder<Text>()
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      b.append((node as Text).data, node as Text)
      return
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return
    const name = node.nodeType === 1 ? (node as Element).localName.toLowerCase() : ''
    if (SKIPPED.has(name)) return
    const block = BLOCKS.has(name)
    if (block) b.breakLine()
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c)
    if (block) b.breakLine()
  }
  walk(root)
  return b.finish()
}

/** The visible text of an HTML string, as the server reads it. */
export function visibleTextOfHtml(html: string): string {
  if (!html || !html.trim()) return ''
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return visibleTextOfDom(doc).text
}

/**
 * The HTML element a ProseMirror node becomes in editor.getHTML(): the head of its toDOM
 * spec ("p", "h2", "pre", "br", ...), or null for text and nodes without one.
 */
function tagOf(node: PmNode): string | null {
  const toDOM = node.type.spec.toDOM
  if (!toDOM) return null
  try {
    const spec = toDOM(node) as unknown
    const head = Array.isArray(spec) ? spec[0] : null
    if (typeof head !== 'string') return null
    const name = head.includes(' ') ? head.substring(head.indexOf(' ') + 1) : head
    return name.toLowerCase()
  } catch {
    return null
  }
}

/**
 * The visible text of a ProseMirror document as the server will read the HTML the editor
 * produces from it; each char's origin is a document position (source) plus 0 (offset is
 * folded into source so that positions are direct).
 */
export function visibleTextOfDoc(doc: PmNode): VisibleText<number> {
  const b = new VisibleTextBuilder<number>()
  const walk = (node: PmNode, pos: number): void => {
    if (node.isText) {
      const text = node.text ?? ''
      // one origin per char: its document position
      for (let i = 0; i < text.length; i++) b.append(text[i], pos + i)
      return
    }
    const name = node === doc ? 'body' : tagOf(node)
    if (name && SKIPPED.has(name)) return
    const block = name !== null && BLOCKS.has(name)
    if (block) b.breakLine()
    // a node's content starts one past its own position (the document's at 0)
    const contentStart = node === doc ? 0 : pos + 1
    node.forEach((child, offset) => walk(child, contentStart + offset))
    if (block) b.breakLine()
  }
  walk(doc, 0)
  return b.finish()
}

export interface Range {
  from: number
  to: number
}

/**
 * A finding's [start, end) of visible text as document ranges (ProseMirror positions),
 * one per stretch of consecutive text; whitespace that collapsed between two mapped chars
 * is covered too, the newlines between blocks are not. Empty when the range is outside the
 * text or covers nothing.
 */
export function docRanges(visible: VisibleText<number>, start: number, end: number): Range[] {
  const out: Range[] = []
  const from = Math.max(0, start)
  const to = Math.min(visible.text.length, end)
  for (let i = from; i < to; i++) {
    const o = visible.origins[i]
    if (!o) continue
    const pos = o.source
    const last = out[out.length - 1]
    // the next char of the same text node (textblock-internal positions increase by one
    // per UTF-16 unit; a gap of collapsed whitespace stays inside the same stretch)
    if (last && pos >= last.to && sameStretch(visible, i)) {
      last.to = pos + 1
    } else {
      out.push({ from: pos, to: pos + 1 })
    }
  }
  return out
}

/** Whether visible char i continues the previous one's stretch (no block break in between). */
function sameStretch(visible: VisibleText<number>, i: number): boolean {
  return i > 0 && visible.origins[i - 1] !== null
}

/** A finding's [start, end) of visible text as DOM ranges: [text node, from, to] per node. */
export function domRanges(visible: VisibleText<Text>, start: number, end: number): { node: Text; from: number; to: number }[] {
  const out: { node: Text; from: number; to: number }[] = []
  for (let i = Math.max(0, start); i < Math.min(visible.text.length, end); i++) {
    const o = visible.origins[i]
    if (!o) continue
    const last = out[out.length - 1]
    if (last && last.node === o.source && o.offset >= last.to) {
      last.to = o.offset + 1
    } else {
      out.push({ node: o.source, from: o.offset, to: o.offset + 1 })
    }
  }
  return out
}

/**
 * Wraps each finding's text in a parsed HTML tree in <mark data-finding="i"> (for a
 * read-only view of stored HTML). Ranges are computed first, then wrapped from the last
 * to the first, so earlier wraps do not move later offsets.
 */
export function markFindings(root: Node, findings: { start: number; end: number }[]): void {
  const visible = visibleTextOfDom(root)
  const byNode = new Map<Text, { from: number; to: number; index: number }[]>()
  findings.forEach((f, index) => {
    for (const r of domRanges(visible, f.start, f.end)) {
      const list = byNode.get(r.node) ?? []
      list.push({ from: r.from, to: r.to, index })
      byNode.set(r.node, list)
    }
  })
  const doc = root.ownerDocument ?? (root as Document)
  for (const [node, list] of byNode) {
    // overlapping findings in one text node become one mark (the first finding's)
    list.sort((a, b) => a.from - b.from)
    const merged: { from: number; to: number; index: number }[] = []
    for (const r of list) {
      const last = merged[merged.length - 1]
      if (last && r.from < last.to) last.to = Math.max(last.to, r.to)
      else merged.push({ ...r })
    }
    // from the last to the first: splitting a text node keeps its beginning in place
    for (const r of merged.reverse()) {
      const range = doc.createRange()
      range.setStart(node, r.from)
      range.setEnd(node, Math.min(r.to, node.data.length))
      const mark = doc.createElement('mark')
      mark.setAttribute('data-finding', String(r.index))
      range.surroundContents(mark)
    }
  }
}

/** A plain field's text cut into runs, those inside a finding marked (overlaps merged). */
export interface Segment {
  text: string
  marked: boolean
  /** The first finding (by index) covering the run, when marked. */
  finding?: number
}

export function segments(text: string, findings: { start: number; end: number }[]): Segment[] {
  const cover: number[] = new Array(text.length).fill(-1)
  findings.forEach((f, index) => {
    for (let i = Math.max(0, f.start); i < Math.min(text.length, f.end); i++) if (cover[i] === -1) cover[i] = index
  })
  const out: Segment[] = []
  let i = 0
  while (i < text.length) {
    const c = cover[i]
    let j = i + 1
    while (j < text.length && cover[j] === c) j++
    out.push(c === -1 ? { text: text.slice(i, j), marked: false } : { text: text.slice(i, j), marked: true, finding: c })
    i = j
  }
  return out
}

const UNSEEN = /^[\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}\t\n\v\f\r\u001c-\u001f\u0085]$/u

/**
 * Screener.counts / VisibleText.isSeen: a reader sees the code point as (part of) a
 * character: not whitespace (no-break and ideographic spaces included), not a control or
 * format char, not a Default_Ignorable_Code_Point (zero-width spaces and joiners,
 * variation selectors). Punctuation counts.
 */
export function isSeen(cp: string): boolean {
  return !UNSEEN.test(cp)
}

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'grapheme' }) : null

/**
 * The characters of a text that count against the account's limit, as Screener counts
 * them: grapheme clusters (an emoji with a skin tone or a ZWJ family, a letter with its
 * combining marks, a flag are one) of which some code point is seen.
 */
export function countChars(text: string): number {
  let n = 0
  if (graphemes) {
    for (const { segment } of graphemes.segment(text)) {
      for (const cp of segment) {
        if (isSeen(cp)) {
          n++
          break
        }
      }
    }
    return n
  }
  for (const cp of text) if (isSeen(cp)) n++
  return n
}
