/**
 * Reordering the publishing queue, by mouse (drag a row onto another) and by keyboard (the
 * listbox reorder pattern: Space or Enter picks the focused row up, arrow keys, Home and End
 * move it, Space or Enter puts it down and saves, Escape puts everything back). The page
 * sends the new order with `PUT /api/accounts/{id}/queue` only when it changed.
 */

/** The list with the item at `from` moved to `to` (indexes into the original list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice()
  if (from < 0 || from >= out.length) return out
  const target = Math.max(0, Math.min(out.length - 1, to))
  const [item] = out.splice(from, 1)
  out.splice(target, 0, item)
  return out
}

/**
 * Where a dragged row lands when dropped on row `over`: in the upper half of a row it goes
 * before it, in the lower half after it.
 */
export function dropTarget(from: number, over: number, lowerHalf: boolean): number {
  let to = lowerHalf ? over + 1 : over
  if (from < to) to -= 1
  return to
}

export function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

export interface KeyboardState {
  order: number[]
  /** Index of the focused row. */
  focus: number
  /** The order before the row was picked up; null when nothing is held. */
  held: number[] | null
}

export interface KeyResult {
  state: KeyboardState
  /** The order to save (the row was put down somewhere new). */
  save?: number[]
  /** What happened, for the live region (an i18n key under publishing.queue.live). */
  announce?: 'grabbed' | 'moved' | 'dropped' | 'cancelled'
  /** Whether the page should prevent the key's default action. */
  handled: boolean
}

export function keyboardStart(order: number[]): KeyboardState {
  return { order: order.slice(), focus: 0, held: null }
}

export function onKey(state: KeyboardState, key: string): KeyResult {
  const last = state.order.length - 1
  const { order, focus, held } = state
  if (order.length === 0) return { state, handled: false }
  const move = (to: number): KeyResult => {
    const target = Math.max(0, Math.min(last, to))
    if (held === null) return { state: { ...state, focus: target }, handled: true }
    if (target === focus) return { state, handled: true }
    return { state: { order: moveItem(order, focus, target), focus: target, held }, announce: 'moved', handled: true }
  }
  switch (key) {
    case 'ArrowUp':
      return move(focus - 1)
    case 'ArrowDown':
      return move(focus + 1)
    case 'Home':
      return move(0)
    case 'End':
      return move(last)
    case ' ':
    case 'Spacebar':
    case 'Enter':
      if (held === null) return { state: { ...state, held: order.slice() }, announce: 'grabbed', handled: true }
      return {
        state: { order, focus, held: null },
        save: sameOrder(order, held) ? undefined : order.slice(),
        announce: 'dropped',
        handled: true,
      }
    case 'Escape':
      if (held === null) return { state, handled: false }
      return { state: { order: held.slice(), focus: held.indexOf(order[focus]), held: null }, announce: 'cancelled', handled: true }
    default:
      return { state, handled: false }
  }
}
