import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { snippetOutput } from './snippetOutput.ts';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));

/** The repository, as the packages' manifests name it (`repository.url`). */
export const REPOSITORY = 'https://github.com/pi-estimate/pi';

/** The API sidebar TypeDoc wrote (scripts/prepareSite.mjs); empty before the first generation. */
function apiSidebar(): DefaultTheme.SidebarItem[] {
  const file = `${docsRoot}api/typedoc-sidebar.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DefaultTheme.SidebarItem[]) : [];
}

/**
 * Pages other changes add. Another change writes guide/cluster.md; the sidebar links it only once it
 * exists, so the site never links a page it does not have.
 */
function optionalGuidePages(): DefaultTheme.SidebarItem[] {
  return existsSync(`${docsRoot}guide/cluster.md`) ? [{ text: 'Many machines', link: '/guide/cluster' }] : [];
}

const tutorial: DefaultTheme.SidebarItem[] = [
  { text: 'Overview', link: '/tutorial/' },
  { text: 'Compiled, interpreted, JIT', link: '/tutorial/jit' },
  { text: 'The loops', link: '/tutorial/loops' },
  { text: 'DataFrames with danfo', link: '/tutorial/dataframes' },
  { text: 'One core or many', link: '/tutorial/workers' },
  { text: 'GPUs: WebGPU and tfjs', link: '/tutorial/gpus' },
  { text: 'Why transfers cost', link: '/tutorial/transfers' },
  { text: 'Reading timings', link: '/tutorial/timings' },
];

export default defineConfig({
  title: 'pi',
  description: 'Monte Carlo π in TypeScript: the same answer on every backend, from one loop to WebGPU.',
  lang: 'en-US',
  outDir: 'dist',
  cleanUrls: false,
  lastUpdated: false,
  // Fail the build on a link to a page that does not exist (localhost links are examples, not pages).
  ignoreDeadLinks: ['localhostLinks'],
  srcExclude: ['README.md', '.generated/**', 'snippets/**', 'test/**', 'screenshots/**'],
  head: [
    ['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }],
    ['meta', { name: 'theme-color', content: '#2f6f73' }],
  ],
  markdown: { math: false, lineNumbers: false, config: (md) => md.use(snippetOutput(docsRoot)) },
  // The API reference is read for its signatures and tables: give them the outline's width too.
  transformPageData(pageData) {
    if (pageData.relativePath.startsWith('api/')) pageData.frontmatter.aside = false;
  },
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Tutorial', link: '/tutorial/' },
      { text: 'Live demo', link: '/demo' },
      { text: 'API', link: '/api/' },
    ],
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/' }, ...apiSidebar()],
      '/': [
        {
          text: 'Guide',
          items: [
            { text: 'Getting started', link: '/guide/getting-started' },
            { text: 'The reproducibility contract', link: '/guide/reproducibility' },
            { text: 'Benchmarks', link: '/guide/benchmarks' },
            ...optionalGuidePages(),
          ],
        },
        { text: 'The tutorial, retold', items: tutorial },
        { text: 'Try it', items: [{ text: 'Live demo', link: '/demo' }] },
        { text: 'Reference', items: [{ text: 'API reference', link: '/api/' }] },
      ],
    },
    outline: { level: [2, 3] },
    socialLinks: [{ icon: 'github', link: REPOSITORY }],
    search: { provider: 'local' },
    footer: { message: 'MIT licensed. Benchmark figures come from pi bench runs, never typed in.' },
  },
  vite: {
    // Workspace packages are linked source builds; let Vite bundle their workers like our own.
    worker: { format: 'es' },
    // @pi/cpu's worker uses top-level await; every browser with WebGPU or module workers has ES2022.
    build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
    optimizeDeps: { esbuildOptions: { target: 'es2022' } },
  },
});
