/**
 * Deployment files: public/_headers (Netlify, Cloudflare Pages) sends the very CSP the browser
 * suite serves with, lets only /embed/* be framed by other sites, caches hashed assets for good;
 * .github/workflows/deploy.yml builds for the repository's GitHub Pages sub-path and deploys
 * with actions/deploy-pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/fixture.ts';
import { CSP } from '../helpers/serve.ts';
import { cloudflareHeaders, matches, netlifyHeaders, parseHeadersFile, type HeaderMap, type Rule } from './lib/headers.ts';

const EMBED_CSP = CSP.replace("frame-ancestors 'self'", 'frame-ancestors *');
const rules = parseHeadersFile(readFileSync(join(REPO, 'public/_headers'), 'utf8'));
const HOSTS: [string, (rules: Rule[], path: string) => HeaderMap][] = [
  ['Netlify', netlifyHeaders],
  ['Cloudflare Pages', cloudflareHeaders],
];

/** What each page kind must be sent, one line per problem. */
function headerProblems(rules: Rule[], host: (rules: Rule[], path: string) => HeaderMap): string[] {
  const out: string[] = [];
  const expectHeader = (path: string, name: string, value: string | RegExp | undefined) => {
    const got = host(rules, path)[name];
    const ok = value === undefined ? got === undefined : typeof value === 'string' ? got === value : got !== undefined && value.test(got);
    if (!ok) out.push(`${path}: ${name} is ${JSON.stringify(got)}, expected ${String(value)}`);
  };
  for (const path of ['/', '/incidents/fishmongers-hall-2019/', '/data/attacks-2019.csv', '/search/', '/pagefind/pagefind.js', '/404.html']) {
    expectHeader(path, 'content-security-policy', CSP);
    expectHeader(path, 'x-content-type-options', 'nosniff');
    expectHeader(path, 'referrer-policy', 'no-referrer');
  }
  for (const path of ['/embed/timeline/', '/embed/incidents/fishmongers-hall-2019/']) {
    expectHeader(path, 'content-security-policy', EMBED_CSP);
    expectHeader(path, 'x-content-type-options', 'nosniff');
  }
  expectHeader('/_astro/Base.DHpB6PRZ.css', 'cache-control', /^public, max-age=31536000, immutable$/);
  for (const path of ['/', '/theme.js', '/pagefind/pagefind.js', '/data/attacks-2019.csv']) expectHeader(path, 'cache-control', undefined);
  return out;
}

describe('public/_headers', () => {
  it('sends the CSP the browser suite serves with (tests/helpers/serve.ts)', () => {
    const site = rules.find((r) => r.path === '/*')!;
    expect(site.lines).toContainEqual({ op: 'set', name: 'content-security-policy', value: CSP });
  });

  it.each(HOSTS)('gives every page the right headers on %s', (_, host) => {
    expect(headerProblems(rules, host)).toEqual([]);
  });

  it('keeps the policy strict: no inline code, no other origin, framing only for embeds', () => {
    for (const policy of [CSP, EMBED_CSP]) {
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*\.|data: [^;]*script/);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
    }
  });

  it('fails a file that gets the embed rule wrong (broken on purpose)', () => {
    // Without the detach line, Cloudflare Pages sends both policies and both are enforced:
    // the embed could not be framed anywhere.
    const withoutDetach = rules.map((r) => ({ ...r, lines: r.lines.filter((l) => l.op !== 'detach') }));
    expect(headerProblems(withoutDetach, cloudflareHeaders)).toContain(
      `/embed/timeline/: content-security-policy is ${JSON.stringify(`${CSP}, ${EMBED_CSP}`)}, expected ${EMBED_CSP}`,
    );
    // A CSP that drifts from the tested one.
    const drifted = parseHeadersFile(`/*\n  Content-Security-Policy: ${CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")}\n`);
    expect(headerProblems(drifted, netlifyHeaders)[0]).toMatch(/^\/: content-security-policy is/);
  });

  it('reads host patterns as the hosts do', () => {
    expect(matches('/*', '/')).toBe(true);
    expect(matches('/embed/*', '/embed/timeline/')).toBe(true);
    expect(matches('/embed/*', '/embedded/')).toBe(false);
    expect(matches('/_astro/*', '/x/_astro/a.js')).toBe(false);
  });
});

describe('.github/workflows/deploy.yml', () => {
  const workflow = parse(readFileSync(join(REPO, '.github/workflows/deploy.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { needs?: string; permissions?: Record<string, string>; steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('builds for the repository’s GitHub Pages sub-path, held to its limits', () => {
    const build = steps.find((s) => s.run === 'npm run build')!;
    expect(build.env?.BASE_PATH).toBe('/${{ github.event.repository.name }}/');
    expect(build.env?.SITE_URL).toMatch(/\$\{\{.+\}\}/);
    // …and fails there, not at upload, past GitHub Pages' documented size (src/integration/host-limits.ts).
    expect(build.env?.DRIFTWATCH_HOST).toBe('github-pages');
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!;
    expect(upload.with?.path).toBe('dist');
  });

  it('checks and tests before it deploys, and deploys with actions/deploy-pages', () => {
    const runs = steps.map((s) => s.run).filter(Boolean);
    expect(runs.indexOf('npm run check')).toBeLessThan(runs.indexOf('npm run build'));
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm run build'));
    const deploy = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')))!;
    expect(deploy.needs).toBe('build');
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});
