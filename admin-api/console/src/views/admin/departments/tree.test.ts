import { describe, expect, it } from 'vitest'
import { buildTree, filterTree, flatten, parentChoices, pathOf, subtreeIds, type ChoiceNode, type Department } from './tree'

const d = (id: number, parentId: number | null, name: string, code = 'c' + id): Department => ({ id, parentId: parentId ?? undefined, name, code, version: 1 })

const demo: Department[] = [d(1, null, '综合办公室', 'office'), d(2, 1, '宣传部', 'publicity'), d(3, 1, '客服中心', 'customer-service'), d(4, 2, '新媒体组', 'new-media')]

describe('buildTree', () => {
  it('nests departments under their parents in creation order', () => {
    const roots = buildTree(demo)
    expect(roots.map((r) => r.label)).toEqual(['综合办公室'])
    expect(roots[0].children.map((c) => c.label)).toEqual(['宣传部', '客服中心'])
    expect(roots[0].children[0].children.map((c) => c.label)).toEqual(['新媒体组'])
    expect(roots[0].children[0].children[0].depth).toBe(2)
  })

  it('works when a child is listed before its parent', () => {
    const roots = buildTree([d(4, 2, '新媒体组'), d(2, 1, '宣传部'), d(1, null, '综合办公室')])
    expect(flatten(roots).map((n) => n.id)).toEqual([1, 2, 4])
  })

  it('keeps a department whose parent is missing as a root', () => {
    const roots = buildTree([d(1, null, 'A'), d(5, 99, 'orphan')])
    expect(roots.map((r) => r.id)).toEqual([1, 5])
  })

  it('shows every department of a cycle exactly once', () => {
    const roots = buildTree([d(1, 2, 'A'), d(2, 1, 'B'), d(3, 1, 'C')])
    const ids = flatten(roots).map((n) => n.id).sort()
    expect(ids).toEqual([1, 2, 3])
  })

  it('ignores a repeated id', () => {
    expect(flatten(buildTree([d(1, null, 'A'), d(1, null, 'A again')])).length).toBe(1)
  })
})

describe('moving a department', () => {
  it('blocks the department itself and everything below it as a new parent', () => {
    const roots = buildTree(demo)
    expect([...subtreeIds(roots, 2)].sort()).toEqual([2, 4])
    const all: ChoiceNode[] = []
    const walk = (n: ChoiceNode) => {
      all.push(n)
      n.children.forEach(walk)
    }
    parentChoices(roots, 2).forEach(walk)
    const disabled = all.filter((c) => c.disabled).map((c) => c.id)
    expect(disabled.sort()).toEqual([2, 4])
  })

  it('blocks nothing for a new department', () => {
    const choices = parentChoices(buildTree(demo), null)
    expect(choices[0].disabled).toBe(false)
  })
})

describe('pathOf', () => {
  it('names the path from the root', () => {
    expect(pathOf(demo, 4)).toBe('综合办公室 / 宣传部 / 新媒体组')
  })
  it('is empty for no department and stops at a cycle', () => {
    expect(pathOf(demo, null)).toBe('')
    expect(pathOf([d(1, 2, 'A'), d(2, 1, 'B')], 1)).toBe('B / A')
  })
})

describe('filterTree', () => {
  it('keeps matches with their ancestors', () => {
    const out = filterTree(buildTree(demo), 'media')
    expect(flatten(out).map((n) => n.id)).toEqual([1, 2, 4])
  })
  it('returns the whole tree for blank text', () => {
    expect(flatten(filterTree(buildTree(demo), '  ')).length).toBe(4)
  })
})
