import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import PiDemo from './PiDemo.vue';
import './custom.css';

/** The default theme, plus the live demo as a component pages can place with `<PiDemo />`. */
const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('PiDemo', PiDemo);
  },
};

export default theme;
