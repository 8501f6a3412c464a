// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import fixtures from './highlight.fixtures.json'
import { countChars, docRanges, markFindings, segments, visibleTextOfDoc, visibleTextOfDom, visibleTextOfHtml } from './highlight'
import { ScreeningHighlights, screeningKey } from '@/components/article/screeningHighlights'

// The fixture's offsets are the server's (VisibleTextFixtureTests checks them against
// Screener): UTF-16 indices into the body's visible text, not into the HTML.
const cases = fixtures.cases

const editors: Editor[] = []
function editorWith(html: string): Editor {
  const e = new Editor({ extensions: [StarterKit, ScreeningHighlights], content: html })
  editors.push(e)
  return e
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

describe('visible text of body HTML', () => {
  it.each(cases.map((c) => [c.name, c] as const))('is the server\'s: %s', (_name, c) => {
    expect(visibleTextOfHtml(c.html)).toBe(c.visible)
  })

  it('is empty for blank HTML', () => {
    expect(visibleTextOfHtml('')).toBe('')
    expect(visibleTextOfHtml('  \n ')).toBe('')
    expect(visibleTextOfHtml('<p> </p><p></p>')).toBe('')
  })
})

describe('finding highlights in mixed HTML', () => {
  it.each(cases.map((c) => [c.name, c] as const))('marks exactly the hit in the HTML: %s', (_name, c) => {
    const doc = new DOMParser().parseFromString(c.html, 'text/html')
    markFindings(doc.body, c.findings)
    for (let i = 0; i < c.findings.length; i++) {
      const marks = [...doc.querySelectorAll(`mark[data-finding="${i}"]`)]
      expect(marks.map((m) => m.textContent).join('')).toBe(c.findings[i].text)
    }
    // marking adds elements only: the text a reader sees is unchanged
    expect(visibleTextOfDom(doc.body).text).toBe(c.visible)
  })

  it.each(cases.map((c) => [c.name, c] as const))('maps the hit onto the editor document: %s', (_name, c) => {
    const editor = editorWith(c.html)
    const { doc } = editor.state
    const visible = visibleTextOfDoc(doc)
    // what the editor would send is what the server reads: the same visible text
    expect(visible.text).toBe(visibleTextOfHtml(editor.getHTML()))
    for (const f of c.findings) {
      const serverStart = visibleTextOfHtml(editor.getHTML()).indexOf(f.text)
      const ranges = docRanges(visible, serverStart, serverStart + f.text.length)
      expect(ranges.map((r) => doc.textBetween(r.from, r.to)).join('')).toBe(f.text)
    }
  })

  it('draws marks as decorations and leaves the document (and its HTML) unchanged', () => {
    const c = cases[0]
    const editor = editorWith(c.html)
    const before = editor.getHTML()
    editor.view.dispatch(editor.state.tr.setMeta(screeningKey, c.findings.map((f, index) => ({ ...f, index }))))
    expect(editor.getHTML()).toBe(before)
    const marks = [...editor.view.dom.querySelectorAll('mark.finding[data-finding="0"]')]
    expect(marks.map((m) => m.textContent).join('')).toBe('内部文件')
  })

  it('moves a mark with its text while typing before it, and drops it when the text is deleted', () => {
    const editor = editorWith('<p>请看内部文件。</p>')
    editor.view.dispatch(editor.state.tr.setMeta(screeningKey, [{ start: 2, end: 6, index: 0 }]))
    editor.commands.insertContentAt(1, '😀𠀀')
    let marks = [...editor.view.dom.querySelectorAll('mark.finding')]
    expect(marks.map((m) => m.textContent).join('')).toBe('内部文件')
    const text = editor.state.doc.textContent
    const from = 1 + text.indexOf('内部文件')
    editor.commands.deleteRange({ from, to: from + 4 })
    marks = [...editor.view.dom.querySelectorAll('mark.finding')]
    expect(marks).toHaveLength(0)
  })

  it('does not highlight across a hard break or past the end of the text', () => {
    const editor = editorWith('<p>内部<br>文件</p>')
    const visible = visibleTextOfDoc(editor.state.doc)
    expect(visible.text).toBe('内部\n文件')
    const ranges = docRanges(visible, 0, 5)
    expect(ranges).toHaveLength(2)
    expect(ranges.map((r) => editor.state.doc.textBetween(r.from, r.to))).toEqual(['内部', '文件'])
    expect(docRanges(visible, 4, 99).map((r) => editor.state.doc.textBetween(r.from, r.to))).toEqual(['件'])
    expect(docRanges(visible, 9, 12)).toEqual([])
  })
})

describe('segments of a plain field', () => {
  it('marks the findings and merges overlapping ones', () => {
    expect(segments('𠀀内部文件abc', [{ start: 2, end: 6 }, { start: 4, end: 7 }])).toEqual([
      { text: '𠀀', marked: false },
      { text: '内部文件', marked: true, finding: 0 },
      { text: 'a', marked: true, finding: 1 },
      { text: 'bc', marked: false },
    ])
  })

  it('ignores ranges outside the text', () => {
    expect(segments('ab', [{ start: 5, end: 9 }, { start: 0, end: 0 }])).toEqual([{ text: 'ab', marked: false }])
  })
})

describe('characters counted against the account limit', () => {
  it('counts what a reader sees, punctuation included, whitespace and invisible chars not', () => {
    expect(countChars('你好，世界！')).toBe(6)
    expect(countChars(' a\u00a0b\u3000c\t\n')).toBe(3)
    expect(countChars('a\u200bb\ufeff')).toBe(2)
  })

  it('counts a 4-byte ideograph, an emoji with a skin tone, a ZWJ family and a flag as one each', () => {
    expect(countChars('𠀀')).toBe(1)
    expect(countChars('👍🏽')).toBe(1)
    expect(countChars('👨‍👩‍👧')).toBe(1)
    expect(countChars('🇨🇳')).toBe(1)
    expect(countChars('e\u0301')).toBe(1)
  })
})
