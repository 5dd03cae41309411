/**
 * rehype plugin: links in write-ups are safe to publish.
 *
 * - A link to a defanged domain (data/site.yaml `defang`) becomes defanged text, never an `<a>`:
 *   Markdown links, GFM autolinks and JSX `<a>` written in MDX alike. A URL on such a domain in
 *   plain text or code is defanged in place too.
 * - Every other external link gets `rel="noopener noreferrer nofollow"` and
 *   `referrerpolicy="no-referrer"`: readers' visits leak nothing to the sites cited.
 * - A link with any other scheme than http(s) or mailto (`javascript:`, `data:`, `vbscript:`…)
 *   is shown as its text only: `npm run check` rejects it, and this keeps it dead if it slips by.
 * - Headings h2–h4 get an anchor link to themselves, beside them.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, Text } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit, SKIP } from 'unist-util-visit';
import { defang, DEFANGED_TITLE, defangUrlsIn, isDefangedDomain } from '../safety/defang.ts';
import { hasUnsafeScheme as isUnsafeHref, isOnAnotherServer, withHostAsRead } from '../safety/url.ts';

export interface SafeLinksOptions {
  /** The defang list; a function so `astro dev` picks up edits to data/site.yaml. */
  domains: readonly string[] | (() => readonly string[]);
  /** BASE_PATH: site-relative links (`/about/`) in write-ups are served under it. */
  base?: string;
}


/** An MDX JSX element (`<a href="…">` written in MDX) as far as this plugin needs it. */
interface JsxElement {
  type: 'mdxJsxTextElement' | 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: ElementContent[];
}

function defangedSpan(text: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['defanged'], title: DEFANGED_TITLE },
    children: [{ type: 'text', value: text }],
  };
}

/**
 * What the reader sees instead of a dangerous link: its words, and the address defanged, with a
 * disguised host (`%EF%BD%94.me`) written as the browser would have read it (`t.me`).
 */
function replacement(href: string, label: string, domains: readonly string[]): Element {
  const shown = defangUrlsIn(label.trim(), domains);
  const address = defang(withHostAsRead(href));
  return defangedSpan(shown === address || shown === '' ? address : `${shown} (${address})`);
}

export default function rehypeSafeLinks(options: SafeLinksOptions) {
  return (tree: Root) => {
    const domains = typeof options.domains === 'function' ? options.domains() : options.domains;
    const slugger = new GithubSlugger();
    const base = (options.base ?? '/').replace(/\/$/, '');
    visit(tree, (node, index, parent) => {
      if (node.type === 'text') {
        (node as Text).value = defangUrlsIn((node as Text).value, domains);
        return;
      }
      const jsx = node as unknown as JsxElement;
      if ((jsx.type === 'mdxJsxTextElement' || jsx.type === 'mdxJsxFlowElement') && jsx.name === 'a' && parent && index !== undefined) {
        const href = jsx.attributes.find((a) => a.name === 'href')?.value;
        // An expression (`href={…}`) cannot be judged before it runs: keep the words, drop the link.
        if (href !== undefined && href !== null && typeof href !== 'string') {
          parent.children[index] = { type: 'text', value: toText({ type: 'root', children: jsx.children } as Root) };
          return SKIP;
        }
        if (typeof href === 'string' && isDefangedDomain(href, domains)) {
          parent.children[index] = replacement(href, toText({ type: 'root', children: jsx.children } as Root), domains);
          return SKIP;
        }
        if (typeof href === 'string' && isUnsafeHref(href)) {
          parent.children[index] = { type: 'text', value: toText({ type: 'root', children: jsx.children } as Root) };
          return SKIP;
        }
        if (typeof href === 'string' && /^https?:/i.test(href)) {
          jsx.attributes = jsx.attributes.filter((a) => !['rel', 'referrerpolicy', 'referrerPolicy'].includes(a.name ?? ''));
          jsx.attributes.push({ type: 'mdxJsxAttribute', name: 'rel', value: 'noopener noreferrer nofollow' });
          jsx.attributes.push({ type: 'mdxJsxAttribute', name: 'referrerpolicy', value: 'no-referrer' });
        }
        return;
      }
      if (node.type !== 'element') return;
      const element = node as Element;
      if (element.tagName === 'a' && typeof element.properties.href === 'string' && parent && index !== undefined) {
        const href = element.properties.href;
        if (isDefangedDomain(href, domains)) {
          parent.children[index] = replacement(href, toText(element), domains);
          return SKIP;
        }
        if (isUnsafeHref(href)) {
          parent.children[index] = { type: 'text', value: toText(element) };
          return SKIP;
        }
        if (/^https?:/i.test(href)) {
          element.properties.rel = ['noopener', 'noreferrer', 'nofollow'];
          element.properties.referrerPolicy = 'no-referrer';
        } else if (/^\/(?![\\/])/.test(href) && base && !href.startsWith(`${base}/`)) {
          element.properties.href = `${base}${href}`;
        }
        return;
      }
      if (element.tagName === 'img' && typeof element.properties.src === 'string' && parent && index !== undefined) {
        const src = element.properties.src;
        // `npm run check` refuses images from other servers; should one slip by, show its words.
        if (isOnAnotherServer(src)) {
          const alt = typeof element.properties.alt === 'string' ? element.properties.alt : 'image';
          parent.children[index] = defangedSpan(`${alt} (${isDefangedDomain(src, domains) ? defang(src) : src})`);
          return SKIP;
        }
        if (/^\/(?![\\/])/.test(src) && base && !src.startsWith(`${base}/`)) element.properties.src = `${base}${src}`;
        return;
      }
      return;
    });
    // Headings last, once their own links are safe: their anchor and name come from that text.
    visit(tree, 'element', (element, index, parent) => {
      if (!/^h[2-4]$/.test(element.tagName) || !parent || index === undefined) return;
      const id = typeof element.properties.id === 'string' ? element.properties.id : slugger.slug(toText(element));
      element.properties.id = id;
      // Beside the heading, not in it: inside, its words would become part of the heading's name.
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['heading'] },
        children: [
          element,
          {
            type: 'element',
            tagName: 'a',
            properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to the section “${toText(element)}”` },
            children: [{ type: 'text', value: '#' }],
          },
        ],
      };
      return SKIP;
    });
  };
}
