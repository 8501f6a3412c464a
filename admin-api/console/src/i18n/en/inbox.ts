export default {
  inbox: {
    rules: { title: 'Inbox rules' },
    settings: { title: 'Routing settings' },
  },
}
