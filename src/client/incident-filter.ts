/**
 * The incident list, filtered in place: year, platform and actor together. Without JavaScript
 * the filter links (one page per value) do the same one at a time; this only adds combining
 * them without a page load. Each list item carries its facets in data-year (years), and in
 * data-platforms and data-actors as places in the form's lists (0 for the first option after
 * "any": components/IncidentList.astro says why), space-separated; the form is hidden until this
 * script shows it. The choice goes into the address by id (`?year=…&platform=…&actor=…`) and is
 * read back from it.
 */
// A module, not a global script: its names (`status`) are its own, not the window's.
export {};

const form = document.querySelector<HTMLFormElement>('form[data-incident-filter]');
const items = [...document.querySelectorAll<HTMLElement>('[data-incident-item]')];
const status = document.querySelector<HTMLElement>('[data-incident-filter-status]');

function matches(item: HTMLElement, field: 'year' | 'platforms' | 'actors', value: string): boolean {
  return value === '' || (item.dataset[field] ?? '').split(' ').includes(value);
}

/** A platform's or an actor's place in its list, as the items give it: its option's, after "any". */
function placeOf(field: 'platform' | 'actor', id: string): string {
  const select = form?.elements.namedItem(field);
  if (id === '' || !(select instanceof HTMLSelectElement)) return '';
  return String([...select.options].filter((option) => option.value !== '').findIndex((option) => option.value === id));
}

function apply(): void {
  if (!form) return;
  const data = new FormData(form);
  const year = String(data.get('year') ?? '');
  const platform = String(data.get('platform') ?? '');
  const actor = String(data.get('actor') ?? '');
  const [platformPlace, actorPlace] = [placeOf('platform', platform), placeOf('actor', actor)];
  let shown = 0;
  for (const item of items) {
    const visible = matches(item, 'year', year) && matches(item, 'platforms', platformPlace) && matches(item, 'actors', actorPlace);
    item.hidden = !visible;
    if (visible) shown++;
  }
  if (status) status.textContent = `${shown} of ${items.length} incidents`;
  // The choice is in the address, so a filtered list can be bookmarked and shared.
  const query = new URLSearchParams(Object.entries({ year, platform, actor }).filter(([, value]) => value !== ''));
  history.replaceState(history.state, '', `${location.pathname}${query.size ? `?${query}` : ''}${location.hash}`);
}

/** The choices in the address (`?year=2019&platform=telegram`), as the form's fields. */
function restore(): boolean {
  const query = new URLSearchParams(location.search);
  let chosen = false;
  for (const field of ['year', 'platform', 'actor']) {
    const value = query.get(field);
    const select = form?.elements.namedItem(field);
    if (value === null || !(select instanceof HTMLSelectElement) || ![...select.options].some((o) => o.value === value)) continue;
    select.value = value;
    chosen = true;
  }
  return chosen;
}

if (form && items.length > 0) {
  form.hidden = false;
  if (restore()) apply();
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  // Choices apply as they change; Apply is there for keyboard and screen-reader habits.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
}
