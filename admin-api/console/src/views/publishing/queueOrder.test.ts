import { describe, expect, it } from 'vitest'
import { dropTarget, keyboardStart, moveItem, onKey, sameOrder, type KeyboardState } from './queueOrder'

function press(state: KeyboardState, ...keys: string[]) {
  let s = state
  let last
  for (const k of keys) {
    last = onKey(s, k)
    s = last.state
  }
  return { state: s, last: last! }
}

describe('reordering the queue', () => {
  it('moves an item up and down, clamped to the list', () => {
    expect(moveItem([1, 2, 3, 4], 3, 0)).toEqual([4, 1, 2, 3])
    expect(moveItem([1, 2, 3, 4], 0, 2)).toEqual([2, 3, 1, 4])
    expect(moveItem([1, 2, 3], 1, 99)).toEqual([1, 3, 2])
    expect(moveItem([1, 2, 3], 5, 0)).toEqual([1, 2, 3])
  })

  it('a drop on the upper half of a row goes before it, on the lower half after it', () => {
    // Drag the last of four onto the first row's upper half: it becomes the head.
    expect(moveItem([1, 2, 3, 4], 3, dropTarget(3, 0, false))).toEqual([4, 1, 2, 3])
    // Drag the head onto the third row's lower half: it goes after the third.
    expect(moveItem([1, 2, 3, 4], 0, dropTarget(0, 2, true))).toEqual([2, 3, 1, 4])
    // Dropped on itself: nothing changes.
    expect(moveItem([1, 2, 3], 1, dropTarget(1, 1, false))).toEqual([1, 2, 3])
    expect(moveItem([1, 2, 3], 1, dropTarget(1, 1, true))).toEqual([1, 2, 3])
  })

  it('by keyboard: arrows move the focus until Space picks the row up', () => {
    const { state, last } = press(keyboardStart([10, 20, 30]), 'ArrowDown', 'ArrowDown', 'ArrowDown')
    expect(state.focus).toBe(2)
    expect(state.order).toEqual([10, 20, 30])
    expect(last.save).toBeUndefined()
  })

  it('by keyboard: Space, ArrowUp twice, Space saves the new order with the row at the head', () => {
    const start = { ...keyboardStart([10, 20, 30]), focus: 2 }
    const grabbed = onKey(start, ' ')
    expect(grabbed.announce).toBe('grabbed')
    const { state, last } = press(grabbed.state, 'ArrowUp', 'ArrowUp', 'ArrowUp', 'Enter')
    expect(state.order).toEqual([30, 10, 20])
    expect(state.focus).toBe(0)
    expect(state.held).toBeNull()
    expect(last.save).toEqual([30, 10, 20])
    expect(last.announce).toBe('dropped')
  })

  it('by keyboard: Home and End move a held row to either end', () => {
    const { last } = press({ ...keyboardStart([1, 2, 3, 4]), focus: 1 }, 'Enter', 'End', ' ')
    expect(last.save).toEqual([1, 3, 4, 2])
  })

  it('by keyboard: Escape puts the order back and nothing is saved', () => {
    const { state, last } = press({ ...keyboardStart([1, 2, 3]), focus: 2 }, ' ', 'ArrowUp', 'Escape')
    expect(state.order).toEqual([1, 2, 3])
    expect(state.focus).toBe(2)
    expect(last.announce).toBe('cancelled')
    expect(last.save).toBeUndefined()
  })

  it('putting a row down where it was saves nothing', () => {
    const { last } = press(keyboardStart([1, 2]), ' ', 'ArrowDown', 'ArrowUp', ' ')
    expect(last.save).toBeUndefined()
  })

  it('other keys are left to the page', () => {
    expect(onKey(keyboardStart([1, 2]), 'Tab').handled).toBe(false)
    expect(onKey(keyboardStart([]), ' ').handled).toBe(false)
    expect(sameOrder([1, 2], [1, 2])).toBe(true)
    expect(sameOrder([1, 2], [2, 1])).toBe(false)
  })
})
