/**
 * The incident list, filtered in place: year, platform and actor together. Without JavaScript
 * the filter links (one page per value) do the same one at a time; this only adds combining
 * them without a page load. Each list item carries its facets in data-year, data-platforms and
 * data-actors (space-separated ids); the form is hidden until this script shows it.
 */
const form = document.querySelector<HTMLFormElement>('form[data-incident-filter]');
const items = [...document.querySelectorAll<HTMLElement>('[data-incident-item]')];
const status = document.querySelector<HTMLElement>('[data-incident-filter-status]');

function matches(item: HTMLElement, field: 'year' | 'platforms' | 'actors', value: string): boolean {
  return value === '' || (item.dataset[field] ?? '').split(' ').includes(value);
}

function apply(): void {
  if (!form) return;
  const data = new FormData(form);
  const year = String(data.get('year') ?? '');
  const platform = String(data.get('platform') ?? '');
  const actor = String(data.get('actor') ?? '');
  let shown = 0;
  for (const item of items) {
    const visible = matches(item, 'year', year) && matches(item, 'platforms', platform) && matches(item, 'actors', actor);
    item.hidden = !visible;
    if (visible) shown++;
  }
  if (status) status.textContent = `${shown} of ${items.length} incidents`;
}

if (form && items.length > 0) {
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => setTimeout(apply));
  // Choices apply as they change; Apply is there for keyboard and screen-reader habits.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
}
