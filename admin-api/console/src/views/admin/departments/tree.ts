import type { components } from '@/api/schema'

export type Department = components['schemas']['DepartmentView']

/** A department with its sub-departments, as el-tree and el-tree-select show it. */
export interface DepartmentNode {
  id: number
  /** Same as id: el-tree-select's value key. */
  value: number
  label: string
  code: string
  parentId: number | null
  version: number
  depth: number
  children: DepartmentNode[]
}

/**
 * Builds the department tree from the API's flat list (each department names its parent).
 * Siblings keep the API's creation order. A department whose parent is missing from the list,
 * or that sits in a cycle (the API refuses both, but a list read while someone moves
 * departments can still show one), becomes a root rather than disappearing, so every
 * department the API returned is shown exactly once.
 */
export function buildTree(list: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>()
  for (const d of list) {
    if (d.id == null || nodes.has(d.id)) continue
    nodes.set(d.id, {
      id: d.id,
      value: d.id,
      label: d.name ?? '',
      code: d.code ?? '',
      parentId: d.parentId ?? null,
      version: d.version ?? 0,
      depth: 0,
      children: [],
    })
  }
  const roots: DepartmentNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId != null ? nodes.get(node.parentId) : undefined
    if (parent && !reachesItself(node, nodes)) {
      parent.children.push(node)
    } else {
      roots.push(node)
    }
  }
  const setDepth = (n: DepartmentNode, depth: number) => {
    n.depth = depth
    n.children.forEach((c) => setDepth(c, depth + 1))
  }
  roots.forEach((r) => setDepth(r, 0))
  return roots
}

/** Whether following parents from the node comes back to it. */
function reachesItself(node: DepartmentNode, nodes: Map<number, DepartmentNode>): boolean {
  const seen = new Set<number>()
  let current = node.parentId != null ? nodes.get(node.parentId) : undefined
  while (current) {
    if (current.id === node.id) return true
    // A loop above the node that does not include it: the node hangs under its parent.
    if (seen.has(current.id)) return false
    seen.add(current.id)
    current = current.parentId != null ? nodes.get(current.parentId) : undefined
  }
  return false
}

/** Every node of the tree, parents before their children. */
export function flatten(roots: readonly DepartmentNode[]): DepartmentNode[] {
  const out: DepartmentNode[] = []
  const walk = (n: DepartmentNode) => {
    out.push(n)
    n.children.forEach(walk)
  }
  roots.forEach(walk)
  return out
}

/** The ids of a department and everything below it: where it may not be moved to. */
export function subtreeIds(roots: readonly DepartmentNode[], id: number): Set<number> {
  const start = flatten(roots).find((n) => n.id === id)
  return new Set(start ? flatten([start]).map((n) => n.id) : [])
}

/** "综合办公室 / 宣传部": the names from the root down to the department. */
export function pathOf(list: readonly Department[], id: number | null | undefined, separator = ' / '): string {
  if (id == null) return ''
  const byId = new Map(list.map((d) => [d.id, d]))
  const names: string[] = []
  const seen = new Set<number>()
  let current = byId.get(id)
  while (current && current.id != null && !seen.has(current.id)) {
    seen.add(current.id)
    names.unshift(current.name ?? String(current.id))
    current = current.parentId != null ? byId.get(current.parentId) : undefined
  }
  return names.join(separator)
}

/**
 * The tree for choosing a new parent of department `moving`: the department itself and
 * its sub-departments are disabled (the API refuses them), everything else selectable.
 */
export interface ChoiceNode extends Omit<DepartmentNode, 'children'> {
  disabled: boolean
  children: ChoiceNode[]
}

export function parentChoices(roots: readonly DepartmentNode[], moving: number | null): ChoiceNode[] {
  const blocked = moving != null ? subtreeIds(roots, moving) : new Set<number>()
  const mark = (n: DepartmentNode): ChoiceNode => ({
    ...n,
    disabled: blocked.has(n.id),
    children: n.children.map(mark),
  })
  return roots.map(mark)
}

/** Nodes whose name or code contains the text, with their ancestors kept so the tree still reads. */
export function filterTree(roots: readonly DepartmentNode[], text: string): DepartmentNode[] {
  const q = text.trim().toLowerCase()
  if (!q) return [...roots]
  const keep = (n: DepartmentNode): DepartmentNode | null => {
    const children = n.children.map(keep).filter((c): c is DepartmentNode => c !== null)
    if (children.length || n.label.toLowerCase().includes(q) || n.code.toLowerCase().includes(q)) {
      return { ...n, children }
    }
    return null
  }
  return roots.map(keep).filter((n): n is DepartmentNode => n !== null)
}
