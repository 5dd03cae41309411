// The search page: Pagefind's index, queried from the page's own form. Runs on /search/ only.
// Results are built as DOM nodes: titles and excerpts are set as text, only Pagefind's <mark>
// highlights become elements, so nothing from the index is ever parsed as markup into the page.

interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(options: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResult> }[] }>;
}

const form = document.querySelector<HTMLFormElement>('[data-search]');
const statusLine = document.querySelector<HTMLElement>('[data-search-status]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
const PAGE_SIZE = 20;

/** Pagefind's excerpt (escaped text with <mark> around the hits) as nodes, without innerHTML. */
function excerptNodes(excerpt: string): Node[] {
  const decoded = new DOMParser().parseFromString(excerpt.replace(/<mark>/g, '\u0001').replace(/<\/mark>/g, '\u0002'), 'text/html').body.textContent ?? '';
  const nodes: Node[] = [];
  for (const [i, part] of decoded.split(/[\u0001\u0002]/).entries()) {
    if (!part) continue;
    if (i % 2 === 1) {
      const mark = document.createElement('mark');
      mark.textContent = part;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(part));
  }
  return nodes;
}

async function main(): Promise<void> {
  if (!form || !statusLine || !list || !more) return;
  const base = form.dataset.base ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const select of selects) select.value = params.get(select.name) ?? '';

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base });
    await pagefind.init();
  } catch {
    statusLine.textContent = 'The search index could not be loaded.';
    return;
  }

  // The options are in the page already; show how many pages each has, and drop the empty ones.
  const available = await pagefind.filters();
  for (const select of selects) {
    const counts = available[select.dataset.filter!] ?? {};
    for (const option of [...select.options]) {
      if (!option.value) continue;
      const count = counts[option.value];
      if (count === undefined) option.remove();
      else option.textContent = `${option.value} (${count})`;
    }
    select.value = params.get(select.name) ?? '';
  }

  let run = 0;
  /** The whole list is found at once, but read and drawn a page at a time. */
  let results: { data(): Promise<PagefindResult> }[] = [];
  let shown = 0;

  async function search(): Promise<void> {
    const id = ++run;
    const query = input.value.trim();
    const filters: Record<string, string> = {};
    for (const select of selects) if (select.value) filters[select.name] = select.value;
    const url = new URL(location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    for (const [k, v] of Object.entries(filters)) url.searchParams.set(k, v);
    history.replaceState(null, '', url);
    if (!query && Object.keys(filters).length === 0) {
      list!.replaceChildren();
      more!.hidden = true;
      statusLine!.textContent = 'Type a word or choose a filter.';
      return;
    }
    const found = await pagefind.search(query || null, { filters });
    if (id !== run) return;
    results = found.results;
    shown = 0;
    list!.replaceChildren();
    await showMore(id);
  }

  async function showMore(id = run): Promise<HTMLAnchorElement | undefined> {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    if (id !== run) return undefined;
    shown += page.length;
    const total = results.length;
    statusLine!.textContent = total === 0 ? 'Nothing found.' : `${total} ${total === 1 ? 'page' : 'pages'} found${total > shown ? `, the first ${shown} shown` : ''}.`;
    more!.hidden = shown >= total;
    more!.textContent = `Show ${Math.min(PAGE_SIZE, total - shown)} more`;
    const items = page.map((result) => {
      const item = document.createElement('li');
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title ?? result.url;
      heading.append(link);
      const kind = document.createElement('span');
      kind.className = 'kind-tag';
      kind.textContent = result.filters.kind?.[0] ?? 'Page';
      const excerpt = document.createElement('p');
      excerpt.append(...excerptNodes(result.excerpt));
      item.append(heading, kind, excerpt);
      return item;
    });
    list!.append(...items);
    return items[0]?.querySelector('a') ?? undefined;
  }

  more.addEventListener('click', () => {
    // One page at a time: a second click while this one loads would add the same results again.
    if (more.disabled) return;
    more.disabled = true;
    // Keyboard and screen-reader users go on from the first new result, not from the button.
    void showMore()
      .then((first) => first?.focus())
      .finally(() => (more.disabled = false));
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  for (const select of selects) select.addEventListener('change', () => void search());
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 250);
  });
  await search();
}

void main();

export {};
