export default {
  tickets: {
    queue: { title: '工单队列', help: '' },
    detail: { title: '工单' },
    duty: { title: '值班' },
  },
}
