/**
 * What every record's citation on an incident page shares, built once per page: the page writes it
 * as JSON (`RECORD_CITE_MODEL`) for the browser, which makes a record's BibTeX and CSL-JSON from it
 * and the card (src/client/copy.ts), and each card's plain text is made from it here.
 */
import type { RecordCiteModel } from '../client/cite-forms.ts';
import type { Site } from '../site/index.ts';

/** `page`: the absolute URL of the page the cards are on. */
export function recordCiteModel(site: Site, page: string): RecordCiteModel {
  const { version, doi } = site.site;
  return {
    authors: site.datasetAuthors,
    container: `${site.site.title} dataset`,
    type: 'dataset',
    ...(version ? { version } : {}),
    ...(doi ? { doi } : {}),
    accessed: site.builtOn,
    page,
  };
}
