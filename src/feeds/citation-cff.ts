/**
 * `/CITATION.cff` (Citation File Format 1.2.0): how to cite the dataset, for reference managers,
 * Zenodo and GitHub's "Cite this repository". Written with the `yaml` package, so every value from
 * data/site.yaml is quoted as YAML needs.
 */
import { stringify } from 'yaml';
import type { SiteSettings } from '../schema/index.ts';
import { licence } from './datapackage.ts';

/** CFF's author: a person ("Family, Given" in data/site.yaml) or an entity (any other name). */
export function cffAuthor(name: string): Record<string, string> {
  const [family, given, ...rest] = name.split(',').map((part) => part.trim());
  return rest.length === 0 && family && given ? { 'family-names': family, 'given-names': given } : { name: name.trim() };
}

export function citationCff(settings: SiteSettings, homepage: string): string {
  const spdx = licence(settings.licence);
  const cff = {
    'cff-version': '1.2.0',
    message: 'If you use this dataset, please cite it as below.',
    type: 'dataset',
    title: settings.title,
    abstract: settings.description,
    authors: (settings.authors?.length ? settings.authors : [`${settings.title} editors`]).map(cffAuthor),
    ...(settings.version ? { version: settings.version } : {}),
    ...(settings.doi ? { doi: settings.doi } : {}),
    url: homepage,
    ...(settings.repository ? { 'repository-code': settings.repository } : {}),
    // Only a licence CFF knows by its SPDX id (the Creative Commons ones); else none rather than a wrong one.
    ...(spdx.path ? { license: spdx.name } : {}),
  };
  return stringify(cff, { lineWidth: 0 });
}
