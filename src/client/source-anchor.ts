// `/sources/#id` is a source's permanent address (docs/data-model.md, Sources). Once the bibliography runs to
// several pages, the source may be listed on `/sources/2/` or later, and moves as sources are
// added: the first page looks it up in `/sources/pages.json` and goes there. Without JavaScript,
// the first page lists every page with the titles it spans.
const id = decodeURIComponent(location.hash.slice(1));
if (id && !document.getElementById(id)) {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  fetch(`${base}sources/pages.json`)
    .then((response) => (response.ok ? (response.json() as Promise<Record<string, string>>) : {}))
    .then((pages) => {
      const path = (pages as Record<string, string>)[id];
      if (path && path !== '/sources/') location.replace(`${base}${path.slice(1)}#${encodeURIComponent(id)}`);
    })
    .catch(() => {});
}
