/**
 * The `_headers` file as Netlify and as Cloudflare Pages read it, so a test can ask "which
 * headers does each host send for this path" without deploying.
 *
 * - Netlify (@netlify/headers-parser, headersForPath): a line without a colon is skipped; a
 *   header repeated inside one rule is comma-joined; of the rules that match a path, a later
 *   rule's header replaces an earlier one's.
 * - Cloudflare Pages: every matching rule's headers are sent, a header attached by two rules is
 *   comma-joined (two CSPs: both enforced), and `! Name` detaches a header an earlier rule set.
 */

export interface Rule {
  path: string;
  /** In order: `set` a header, or `detach` one (Cloudflare's `! Name`). */
  lines: ({ op: 'set'; name: string; value: string } | { op: 'detach'; name: string })[];
}

export function parseHeadersFile(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('/') || /^https:\/\//.test(line)) {
      rules.push({ path: line, lines: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: a header before any path: ${line}`);
    if (line.startsWith('!')) rule.lines.push({ op: 'detach', name: line.slice(1).trim().toLowerCase() });
    else {
      const at = line.indexOf(':');
      if (at < 1) throw new Error(`_headers: not "Name: value": ${line}`);
      rule.lines.push({ op: 'set', name: line.slice(0, at).trim().toLowerCase(), value: line.slice(at + 1).trim() });
    }
  }
  return rules;
}

/** `/*` and `/embed/*` style patterns (a trailing splat, `:placeholders`). */
export function matches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

export type HeaderMap = Record<string, string>;

export function netlifyHeaders(rules: Rule[], path: string): HeaderMap {
  const out: HeaderMap = {};
  for (const rule of rules.filter((r) => matches(r.path, path))) {
    const own: HeaderMap = {};
    for (const line of rule.lines) if (line.op === 'set') own[line.name] = own[line.name] === undefined ? line.value : `${own[line.name]}, ${line.value}`;
    Object.assign(out, own);
  }
  return out;
}

export function cloudflareHeaders(rules: Rule[], path: string): HeaderMap {
  const out: HeaderMap = {};
  for (const rule of rules.filter((r) => matches(r.path, path))) {
    for (const line of rule.lines) {
      if (line.op === 'detach') delete out[line.name];
      else out[line.name] = out[line.name] === undefined ? line.value : `${out[line.name]}, ${line.value}`;
    }
  }
  return out;
}
