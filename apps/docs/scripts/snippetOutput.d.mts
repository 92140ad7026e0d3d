/** Bundles a TypeScript program and runs it in a Node process of its own; resolves to what it printed. */
export function runTypeScript(docsRoot: string, entry: string, label?: string): Promise<string>;
/** Runs every sample in snippets/ and writes what each printed under .generated/output. */
export function captureSnippetOutput(docsRoot: string): Promise<void>;
