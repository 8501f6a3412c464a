export default {
  inbox: {
    rules: { title: '分类规则' },
    settings: { title: '分派设置' },
  },
}
