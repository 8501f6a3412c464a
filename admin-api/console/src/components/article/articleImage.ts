import { Node, mergeAttributes } from '@tiptap/core'

/**
 * Images in an article body (StarterKit has none). Saved as a plain <img src alt title>;
 * shown with referrerpolicy="no-referrer" (WeChat's image hosts refuse requests with a
 * foreign referrer) without putting that attribute into the saved HTML.
 */
export const ArticleImage = Node.create({
  name: 'image',
  group: 'block',
  draggable: true,
  atom: true,
  addAttributes() {
    return {
      src: { default: null },
      alt: { default: null },
      title: { default: null },
    }
  },
  parseHTML() {
    return [{ tag: 'img[src]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['img', mergeAttributes(HTMLAttributes)]
  },
  addNodeView() {
    return ({ node }) => {
      const img = document.createElement('img')
      img.referrerPolicy = 'no-referrer'
      img.src = node.attrs.src
      if (node.attrs.alt) img.alt = node.attrs.alt
      else img.alt = ''
      if (node.attrs.title) img.title = node.attrs.title
      img.className = 'article-image'
      return { dom: img }
    }
  },
})
