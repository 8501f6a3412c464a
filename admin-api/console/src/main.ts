import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './app/App.vue'
import { i18n } from './i18n'
import { buildRouter } from './router'
import './app/theme.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(buildRouter())
document.documentElement.lang = (i18n.global.locale as unknown as { value: string }).value
app.mount('#app')
