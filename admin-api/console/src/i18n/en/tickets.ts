export default {
  tickets: {
    queue: { title: 'Ticket queue', help: '' },
    detail: { title: 'Ticket' },
    duty: { title: 'Duty' },
  },
}
