/**
 * Every rule `npm run check` can report: its id (the last word of a problem's line), its severity
 * and what it means. `RuleId` is derived from this list, so a problem with an id that is not here
 * does not compile, and docs/checks.md is generated from it (src/check/checks-doc.ts, by
 * `npm run schemas`). It sits beside the one reporter (problems.ts), since the readers report too.
 */
import type { Severity } from './problems.ts';

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** One line of Markdown for docs/checks.md. */
  means: string;
}

export const RULES = [
  // Reading files.
  { id: 'syntax', severity: 'error', means: 'YAML, CSV, frontmatter or MDX that does not parse; a file that is not a list of mappings' },
  { id: 'encoding', severity: 'error', means: 'a file that is not UTF-8 text (saved as Latin-1, Windows-1252 or UTF-16): save it again as UTF-8. A byte-order mark at the start is fine' },
  { id: 'symlink', severity: 'error', means: 'a symbolic link in `content/`, `data/` or `public/`: never followed, whether it leads out of the project or stays inside; put the file itself there' },
  { id: 'special-file', severity: 'error', means: 'a named pipe, socket or device where a file should be: reported without being opened, so nothing waits on it' },
  { id: 'file-size', severity: 'error', means: 'a file larger than its limit (below): not read' },
  { id: 'line-length', severity: 'error', means: 'a line longer than its limit: not parsed' },
  { id: 'nesting', severity: 'error', means: 'lists and mappings (YAML), or block quotes, lists, components and emphasis (MDX), nested deeper than the limit, where a parser or the MDX compiler would run out of stack' },
  { id: 'yaml-aliases', severity: 'error', means: 'YAML aliases that would repeat more values than the limit (the "billion laughs" pattern), or an alias inside the value it names' },
  { id: 'too-many-entries', severity: 'error', means: 'more entries in one YAML file, or rows in one CSV file, than the limit: split the file' },
  { id: 'csv-columns', severity: 'error', means: 'a CSV row with more cells than its header has columns (a comma in an unquoted cell), or a column named twice' },
  // Each entry against its schema.
  { id: 'missing-field', severity: 'error', means: 'a required field is missing (also a scope count without a unit, and a `<Defang>` with no address)' },
  { id: 'wrong-type', severity: 'error', means: 'a field holds the wrong sort of value (text where a number goes, a list where a mapping goes)' },
  { id: 'invalid-value', severity: 'error', means: 'a value outside its list (`kind`, `mode`, `outcome`…), with a "did you mean" hint' },
  { id: 'invalid-format', severity: 'error', means: 'a value of the wrong shape (a country that is not an ISO code, a tag that is not kebab-case)' },
  { id: 'invalid', severity: 'error', means: 'any other value the schema rejects; an actor whose `parent` leads back to itself' },
  { id: 'out-of-range', severity: 'error', means: 'a number out of range (negative counts, latitudes past 90) or an empty text' },
  { id: 'unknown-field', severity: 'error', means: 'a field the model does not have (usually a typo: `sorces`), or a dispute of a field the record does not have' },
  { id: 'bad-id', severity: 'error', means: 'an id (or the file name of an incident or a page) that is not lower-case kebab-case; a page named like an address the site itself uses (`sources.mdx`, `search.mdx`, …)' },
  { id: 'bad-date', severity: 'error', means: 'a date that is not valid EDTF, in a field or a disputed value; a `published` or `updated` that is not one day' },
  { id: 'interval-order', severity: 'error', means: 'an interval that ends before it starts' },
  {
    id: 'bad-url',
    severity: 'error',
    means: 'a URL field that is not an absolute `http:` or `https:` URL (`javascript:`, `data:`, relative paths); a link in a write-up whose scheme is not http(s) or mailto, or that names another server without `https://` (`[x](t.me/channel)`, a broken path on this site)',
  },
  { id: 'no-sources', severity: 'error', means: 'a record (or a dispute) without sources: a fact nobody published is not a fact here; an empty `sources: []` on a platform or actor (leave the field out instead)' },
  { id: 'location-coordinates', severity: 'error', means: 'a location with `lat` and no `lon`, or `lon` and no `lat`' },
  { id: 'publish-finer-than-precision', severity: 'error', means: 'a location whose `publish` level is finer than its `precision` (a place known to the city published as `exact`)' },
  // Ids and references.
  { id: 'duplicate-id', severity: 'error', means: 'an id used twice in a registry; record ids are unique across all record files' },
  { id: 'formerly-reused', severity: 'error', means: 'an old id under `formerly` that is some entry\'s id now: its old address would lead to two places' },
  { id: 'formerly-claimed-twice', severity: 'error', means: 'an old id under `formerly` that two entries of one registry claim (or one claims twice)' },
  { id: 'unknown-ref', severity: 'error', means: 'an id that does not exist: platform, actor, source, record or incident, in data or in an MDX component' },
  // Rules across records.
  { id: 'wrong-ref-kind', severity: 'error', means: 'a claim whose `attack` is not an attack, a migration whose `trigger` is not a takedown' },
  { id: 'claim-before-attack', severity: 'error', means: 'a claim dated before the attack it claims' },
  { id: 'migration-same-platform', severity: 'error', means: 'a migration whose `from` equals its `to`' },
  {
    id: 'location-outside-country',
    severity: 'error',
    means: 'a point outside its `country` (beyond a quarter of a degree of the outline), with a "did you swap lat and lon?" hint when the swapped point lies in it',
  },
  // Write-ups.
  { id: 'unknown-component', severity: 'error', means: 'an MDX tag that is not one of the write-up components' },
  {
    id: 'unsafe-html',
    severity: 'error',
    means: 'HTML in a write-up that could run code, load from another server or break the CSP: `<script>`, `<iframe>`, `<img>`, `<style>`…, event handlers (`onclick`), inline `style`',
  },
  {
    id: 'mdx-code',
    severity: 'error',
    means: 'JavaScript in a write-up, which MDX would run while building the site: `import` or `export`, braces in the text (`{process.env.HOME}`, `{a, b}`: write `\\{` to print a brace; comments `{/* … */}` are fine), a prop computed (`id={someVar}`) rather than text in quotes or JSON (`kinds={["takedown"]}`), a spread (`{...props}`)',
  },
  // Warnings.
  { id: 'missing-archive', severity: 'warning', means: 'a source with a `url` and no `archived` copy' },
  { id: 'unused-source', severity: 'warning', means: 'a source that no record, dispute, frontmatter or `<Cite>` cites' },
  {
    id: 'unsourced-registry-fact',
    severity: 'warning',
    means: 'a platform or actor that states facts (`owner`, `country`, `launched`, `closed`, a description in `notes`) and lists no `sources` behind them',
  },
  {
    id: 'stray-file',
    severity: 'warning',
    means: 'a file in `content/` or `data/` that the site does not read, so leaves out: a record file outside `data/records/`, an extension in capitals (`.YAML`), a write-up outside `content/incidents/`. Hidden files and read-me notes are left alone',
  },
  { id: 'incident-without-records', severity: 'warning', means: 'an incident whose slug no record lists under `incidents`' },
  { id: 'defanged-link', severity: 'warning', means: 'a Markdown link to a domain on the defang list (`defang` in `data/site.yaml`): the site shows it as defanged text, never as a link; write it as `<Defang>…</Defang>` or plain text. Written without `https://` it is a `bad-url` error with the same advice' },
  { id: 'unfilled-published', severity: 'error', means: 'a `TODO` left by `npm run new` in a published incident (its date, summary, content warning…) or in a record listed under one: the published page would show the placeholder, or leave the record out' },
  { id: 'missing-published', severity: 'warning', means: 'an incident with `status: published` and no `published:` date: its feed item would be dated by the event; give the day it goes out' },
  { id: 'duplicate-url', severity: 'warning', means: 'two sources with the same address once scheme, `www.`, a trailing slash and tracking parameters (`utm_*`, `fbclid`…) are set aside: one document, one source' },
  { id: 'record-not-in-incident', severity: 'warning', means: 'a `<Record id>` in a write-up whose record does not list that incident under `incidents`: the incident\'s page, charts and record list leave the record out' },
  { id: 'unlisted-records', severity: 'warning', means: 'records that list no incident and that no write-up names with `<Record>`: they appear only on the timeline, platform and actor pages and in the downloads. One line for all of them, at the first' },
  { id: 'unfilled', severity: 'warning', means: 'a `TODO` left by `npm run new`; the entry stays out of the site until it is filled' },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];

const IDS = new Set<string>(RULES.map((rule) => rule.id));

/** For rule ids that arrive as plain strings (a schema's `params.rule`). */
export const isRuleId = (id: unknown): id is RuleId => typeof id === 'string' && IDS.has(id);
