import { existsSync, readFileSync } from 'node:fs';
import type { MarkdownRenderer } from 'vitepress';

/**
 * Shows what a code sample printed beneath it. After the last `<<< @/snippets/NAME.ts` include on a
 * page, adds the text the build captured by running that sample (.generated/output/NAME.txt, written
 * by scripts/snippetOutput.mjs), so the output on the page is the one the code gave, never typed.
 */
export function snippetOutput(docsRoot: string) {
  return (md: MarkdownRenderer): void => {
    md.core.ruler.push('pi_snippet_output', (state) => {
      const last = new Map<string, number>();
      state.tokens.forEach((token, index) => {
        const src = (token as { src?: unknown }).src;
        const path = Array.isArray(src) ? String(src[0]) : '';
        const name = /\/snippets\/([\w-]+)\.ts$/.exec(path)?.[1];
        if (token.type === 'fence' && name !== undefined) last.set(name, index);
      });
      // Insert from the end, so earlier indexes stay valid.
      for (const [name, index] of [...last].sort((a, b) => b[1] - a[1])) {
        const file = `${docsRoot}.generated/output/${name}.txt`;
        if (!existsSync(file)) throw new Error(`no captured output for snippets/${name}.ts: run scripts/prepareSite.mjs`);
        const open = new state.Token('html_block', '', 0);
        open.content = '<div class="snippet-output"><p class="snippet-output__label">Prints (run when this site was built):</p>\n';
        const fence = new state.Token('fence', 'code', 0);
        fence.info = 'text';
        fence.markup = '```';
        fence.block = true;
        fence.content = readFileSync(file, 'utf8');
        const close = new state.Token('html_block', '', 0);
        close.content = '</div>\n';
        state.tokens.splice(index + 1, 0, open, fence, close);
      }
    });
  };
}
