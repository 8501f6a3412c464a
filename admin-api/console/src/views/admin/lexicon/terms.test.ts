import { describe, expect, it } from 'vitest'
import { batchErrors, parseBatch } from './terms'

describe('parseBatch', () => {
  it('takes one term per line, trimmed, skipping blanks', () => {
    expect(parseBatch(' 法轮功 \n\n  赌博网站\r\n').terms).toEqual(['法轮功', '赌博网站'])
  })

  it('also splits on commas and Chinese list marks', () => {
    expect(parseBatch('甲，乙、丙;丁,戊').terms).toEqual(['甲', '乙', '丙', '丁', '戊'])
  })

  it('drops repeats and says where they were', () => {
    const b = parseBatch('甲\n乙\n甲')
    expect(b.terms).toEqual(['甲', '乙'])
    expect(b.repeats).toEqual([3])
  })

  it('reports terms longer than 64 characters instead of cutting them', () => {
    const b = parseBatch('短\n' + '长'.repeat(65))
    expect(b.terms).toEqual(['短'])
    expect(b.tooLong).toEqual([2])
  })

  it('counts characters, not UTF-16 units', () => {
    expect(parseBatch('𠀀'.repeat(64)).terms.length).toBe(1)
  })
})

describe('batchErrors', () => {
  it('puts the API\'s terms[i] errors back on the lines typed', () => {
    const b = parseBatch('甲\n\n！！\n乙')
    expect(batchErrors({ 'terms[1].term': 'the term has no letters or digits to match' }, b)).toEqual([
      { line: 3, message: 'the term has no letters or digits to match' },
    ])
  })

  it('keeps an error that names no term', () => {
    expect(batchErrors({ terms: 'send 1 to 50,000 terms' }, parseBatch(''))).toEqual([{ line: null, message: 'send 1 to 50,000 terms' }])
  })
})
