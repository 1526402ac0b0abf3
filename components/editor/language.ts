/**
 * Monaco's language for a file, by its name (what a workshop uses: Python, JS, YAML, Dockerfile,
 * JSON, Markdown, shell). JSON is highlighted with the JavaScript grammar (see monaco-slim.ts).
 */
export function languageOf(path: string): string {
  const name = path.split('/').pop() ?? '';
  if (/^Dockerfile(\..*)?$/i.test(name) || name.endsWith('.dockerfile')) return 'dockerfile';
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const byExt: Record<string, string> = {
    py: 'python', js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', yml: 'yaml', yaml: 'yaml',
    json: 'javascript', md: 'markdown', sh: 'shell', bash: 'shell', go: 'go', html: 'html', css: 'css', txt: 'plaintext',
  };
  return byExt[ext] ?? 'plaintext';
}
