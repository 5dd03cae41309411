/**
 * The imports of a source file, as the parser sees them (not a regex over the text, so an
 * `import` inside a comment or a string is not one). `.astro` files are read the way Astro does:
 * the frontmatter between the opening `---` lines, and each `<script>` element.
 */
import { readFileSync } from 'node:fs';
import { parse } from '@babel/parser';

export interface Import {
  /** What is imported, as written: `../data/dates.ts`, `zod`, `node:fs`. */
  specifier: string;
  /** 1-based line in the file. */
  line: number;
  /** `import type …`, `export type … from`, or `typeof import('…')`: gone once compiled. */
  typeOnly: boolean;
}

/** The TypeScript parts of a file, with the line each starts on. */
function scriptsOf(path: string, text: string): { code: string; firstLine: number }[] {
  if (!path.endsWith('.astro')) return [{ code: text, firstLine: 1 }];
  const parts: { code: string; firstLine: number }[] = [];
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter) parts.push({ code: frontmatter[1]!, firstLine: lineAt(frontmatter.index + frontmatter[0].indexOf('\n') + 1) });
  for (const script of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    // JSON-LD and other data blocks are not code.
    if (/type=["'](?!module)/.test(script[1]!)) continue;
    const start = script.index + script[0].indexOf('>') + 1;
    parts.push({ code: script[2]!, firstLine: lineAt(start) });
  }
  return parts;
}

type Node = { type: string; loc?: { start: { line: number } }; [key: string]: unknown };

function literal(node: unknown): string | undefined {
  const n = node as Node | undefined;
  return n?.type === 'StringLiteral' ? (n['value'] as string) : undefined;
}

export function importsOf(path: string): Import[] {
  const found: Import[] = [];
  for (const { code, firstLine } of scriptsOf(path, readFileSync(path, 'utf8'))) {
    const ast = parse(code, { sourceType: 'module', plugins: ['typescript'], errorRecovery: false });
    const add = (node: Node, specifier: string | undefined, typeOnly: boolean) => {
      if (specifier !== undefined) found.push({ specifier, line: firstLine - 1 + (node.loc?.start.line ?? 1), typeOnly });
    };
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
      const n = node as Node;
      switch (n.type) {
        case 'ImportDeclaration':
          add(n, literal(n['source']), n['importKind'] === 'type' || ((n['specifiers'] as Node[]).length > 0 && (n['specifiers'] as Node[]).every((s) => s['importKind'] === 'type')));
          break;
        case 'ExportNamedDeclaration':
        case 'ExportAllDeclaration':
          add(n, literal(n['source']), n['exportKind'] === 'type');
          break;
        case 'ImportExpression':
          add(n, literal(n['source']), false);
          break;
        case 'CallExpression':
          if ((n['callee'] as Node).type === 'Import') add(n, literal((n['arguments'] as Node[])[0]), false);
          break;
        case 'TSImportType':
          add(n, literal(n['argument']) ?? literal((n['argument'] as Node | undefined)?.['literal']), true);
          break;
        case 'NewExpression':
          // new URL('./worker.ts', import.meta.url): a module loaded by path (a worker thread).
          if ((n['callee'] as Node).type === 'Identifier' && (n['callee'] as Node)['name'] === 'URL' && /^\.\.?\//.test(literal((n['arguments'] as Node[])[0]) ?? '')) {
            add(n, literal((n['arguments'] as Node[])[0]), false);
          }
          break;
      }
      for (const [key, value] of Object.entries(n)) if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments') visit(value);
    };
    visit(ast.program);
  }
  return found;
}
