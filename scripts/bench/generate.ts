/**
 * Synthetic but realistic Driftwatch sites for the benchmark: deterministic (same options, same
 * files, byte for byte) and valid (`checkProject` finds no errors).
 *
 * What a generated site holds, shaped like the data researchers bring:
 * - incident write-ups (MDX with prose, `<Cite>`, `<Record>` and now and then a `<Timeline>`),
 *   each with a cluster of records in data/records/incidents-<year>.yaml: the attack, claims a
 *   few days after it, takedowns (some as intervals), migrations between two different platforms
 *   triggered by a takedown, statements; some dates approximate, uncertain, month-only or timed;
 *   some values disputed by other sources;
 * - bulk records with no write-up, as spreadsheets export them (data/records/<kind>s-NNN.csv):
 *   GTD-like attacks with their claims, and transparency-report takedowns;
 * - registries: a few dozen platforms, actors growing with the incidents, and sources created
 *   when first cited, so every source is used.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { random, type Random } from './random.ts';
import type { FileEdit } from './dev-loop.ts';

export interface SiteSize {
  incidents: number;
  records: number;
}

export interface GenerateOptions extends SiteSize {
  seed?: number;
}

export interface GeneratedSite {
  /** Project-relative path → file text. */
  files: Map<string, string>;
  counts: { incidents: number; records: number; byKind: Record<string, number>; platforms: number; actors: number; sources: number };
}

/** Share of the records that belong to a write-up; the rest are bulk rows in CSV files. */
const ATTACHED = 0.7;
const CSV_ROWS_PER_FILE = 10_000;
const FIRST_YEAR = 2000;
const YEARS = 25;
const DAY = 86_400_000;

const PLATFORMS: [id: string, name: string, kind: string, country: string][] = [
  ['telegram', 'Telegram', 'messenger', 'AE'],
  ['tamtam', 'TamTam', 'messenger', 'RU'],
  ['facebook', 'Facebook', 'social-network', 'US'],
  ['twitter', 'Twitter', 'social-network', 'US'],
  ['youtube', 'YouTube', 'video', 'US'],
  ['instagram', 'Instagram', 'social-network', 'US'],
  ['tiktok', 'TikTok', 'video', 'CN'],
  ['vk', 'VK', 'social-network', 'RU'],
  ['rocket-chat', 'Rocket.Chat', 'chat-server', 'BR'],
  ['element', 'Element', 'chat-server', 'GB'],
  ['hoop', 'Hoop Messenger', 'messenger', 'CA'],
  ['discord', 'Discord', 'chat-server', 'US'],
  ['gab', 'Gab', 'social-network', 'US'],
  ['minds', 'Minds', 'social-network', 'US'],
  ['bitchute', 'BitChute', 'video', 'GB'],
  ['odysee', 'Odysee', 'video', 'US'],
  ['archive-org', 'Internet Archive', 'file-sharing', 'US'],
  ['mega', 'MEGA', 'file-sharing', 'NZ'],
  ['dropbox', 'Dropbox', 'file-sharing', 'US'],
  ['justpaste-it', 'JustPaste.it', 'file-sharing', 'PL'],
  ['threema', 'Threema', 'messenger', 'CH'],
  ['wire', 'Wire', 'messenger', 'CH'],
  ['reddit', 'Reddit', 'forum', 'US'],
  ['shumukh', 'Shumukh al-Islam', 'forum', 'SA'],
];

const PLACES: [place: string, country: string, lat: number, lon: number][] = [
  ['London', 'GB', 51.507, -0.128],
  ['Paris', 'FR', 48.857, 2.352],
  ['Brussels', 'BE', 50.85, 4.352],
  ['Berlin', 'DE', 52.52, 13.405],
  ['Vienna', 'AT', 48.208, 16.373],
  ['Manchester', 'GB', 53.481, -2.243],
  ['Nice', 'FR', 43.71, 7.262],
  ['Barcelona', 'ES', 41.385, 2.173],
  ['Stockholm', 'SE', 59.329, 18.069],
  ['Istanbul', 'TR', 41.008, 28.978],
  ['Christchurch', 'NZ', -43.532, 172.636],
  ['El Paso', 'US', 31.762, -106.485],
  ['Halle', 'DE', 51.483, 11.97],
  ['Kabul', 'AF', 34.555, 69.207],
  ['Mogadishu', 'SO', 2.047, 45.318],
  ['Maiduguri', 'NG', 11.833, 13.151],
  ['Colombo', 'LK', 6.927, 79.861],
  ['Marawi', 'PH', 7.999, 124.292],
  ['Sousse', 'TN', 35.826, 10.636],
  ['Ouagadougou', 'BF', 12.371, -1.52],
];

const WORDS_A = ['Northern', 'Black', 'Free', 'United', 'Eastern', 'Iron', 'Sacred', 'Western', 'Red', 'Southern', 'Green', 'Hidden', 'Rising', 'Silent', 'Old'];
const WORDS_B = ['Banner', 'Dawn', 'Sword', 'Path', 'Storm', 'Shield', 'Flame', 'Tide', 'Crescent', 'Wolf', 'Oath', 'Star', 'Gate', 'River', 'Harvest'];
const GROUP_KINDS = ['Front', 'Brigade', 'Movement', 'Network', 'Division', 'Legion'];
const PUBLISHERS = ['Reuters', 'Associated Press', 'BBC News', 'Le Monde', 'Der Spiegel', 'Al Jazeera', 'The Guardian', 'Agence France-Presse', 'Vice', 'CTC Sentinel', 'Wired', 'Die Zeit'];
const AGENCIES: [id: string, name: string][] = [
  ['europol-eu-iru', "Europol's EU Internet Referral Unit"],
  ['uk-ctiru', 'UK Counter Terrorism Internet Referral Unit'],
  ['fbi', 'Federal Bureau of Investigation'],
  ['belgian-federal-prosecutor', 'Belgian Federal Prosecutor'],
  ['bka', 'Bundeskriminalamt'],
  ['pharos', 'PHAROS'],
];
const RESEARCHERS = ['Ana Duarte', 'Jonas Weber', 'Leila Haddad', 'Tom Okafor', 'Mira Novak', 'Sam Lindqvist', 'Yusuf Karim', 'Ines Moreau', 'Petra Horvat', 'Kenji Sato'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
/** A YAML / JSON double-quoted string. */
const q = (text: string) => JSON.stringify(text);

interface Actor {
  id: string;
  name: string;
  kind: string;
  parent?: string;
  aliases?: string[];
}

interface Source {
  id: string;
  title: string;
  publisher: string;
  kind: string;
  published: string;
  url?: string;
  archived?: string;
  language?: string;
  reliability?: string;
}

type Value = string | number | string[] | Record<string, string | number> | Dispute[];
interface Dispute {
  field: string;
  value: string | number;
  sources: string[];
  note?: string;
}
type Rec = { id: string; kind: string; date: string; title: string; sources: string[] } & Record<string, Value | undefined>;

/** An EDTF date around a day, at a precision a source would give. */
function looseDate(r: Random, day: number): string {
  const iso = isoDay(day);
  const roll = r.next();
  if (roll < 0.72) return iso;
  if (roll < 0.8) return `${iso}~`;
  if (roll < 0.86) return `${iso}?`;
  if (roll < 0.93) return `${iso}T${pad(r.int(0, 23), 2)}:${pad(r.int(0, 59), 2)}:00Z`;
  return iso.slice(0, 7);
}

export function generateSite(options: GenerateOptions): GeneratedSite {
  const r = random(options.seed ?? 7);
  const files = new Map<string, string>();
  const startDay = Date.UTC(FIRST_YEAR, 0, 1);
  const span = YEARS * 365 * DAY;

  // Registries. Groups grow with the incidents; each has a media outlet.
  const groupCount = Math.max(6, Math.round(options.incidents / 8));
  const groups: Actor[] = [];
  const outlets: Actor[] = [];
  const usedNames = new Set<string>();
  for (let i = 0; groups.length < groupCount; i++) {
    let name = `${r.pick(WORDS_A)} ${r.pick(WORDS_B)} ${r.pick(GROUP_KINDS)}`;
    if (usedNames.has(name)) name = `${name} ${pad(i, 3)}`;
    usedNames.add(name);
    const group: Actor = { id: slugify(name), name, kind: 'armed-group', aliases: r.chance(0.4) ? [name.split(' ').map((w) => w[0]).join('')] : undefined };
    groups.push(group);
    outlets.push({ id: `${group.id}-media`, name: `${name} Media Office`, kind: 'media-outlet', parent: group.id });
  }
  const agencies: Actor[] = AGENCIES.map(([id, name]) => ({ id, name, kind: 'government-agency' }));
  const researchers: Actor[] = RESEARCHERS.map((name) => ({ id: slugify(name), name, kind: 'researcher' }));
  const operators: Actor[] = PLATFORMS.slice(0, 8).map(([id, name]) => ({ id: `${id}-operator`, name: `${name} (operator)`, kind: 'platform-operator' }));
  const speakers = [...agencies, ...researchers, ...operators];
  const platformIds = PLATFORMS.map(([id]) => id);

  // Sources are made when first cited, so none is left unused.
  const sources = new Map<string, Source>();
  const newsSource = (day: number, topic: string): string => {
    const publisher = r.pick(PUBLISHERS);
    const published = isoDay(day);
    const id = `${slugify(publisher)}-${published}-${sources.size}`;
    const slug = slugify(topic).slice(0, 60);
    sources.set(id, {
      id,
      title: `${topic}: what we know`,
      publisher,
      kind: r.chance(0.85) ? 'news' : r.pick(['report', 'press-release', 'platform-statement']),
      published: r.chance(0.9) ? published : published.slice(0, 7),
      // The serial keeps two reports of one topic on one day apart: `check` warns on a repeated address.
      url: `https://news.example/${slugify(publisher)}/${published}/${slug}-${sources.size}`,
      archived: `https://web.archive.example/${published.replaceAll('-', '')}/https://news.example/${slug}`,
      language: r.pick(['en', 'en', 'en', 'fr', 'de', 'ar', 'ru']),
      reliability: r.pick(['primary', 'secondary', 'secondary', 'repost', 'machine-translation']),
    });
    return id;
  };
  const datasetSource = (year: number): string => {
    const id = `attack-dataset-${year}`;
    if (!sources.has(id)) sources.set(id, { id, title: `Synthetic attack dataset, ${year} release`, publisher: 'Driftwatch benchmark', kind: 'dataset', published: String(year + 1) });
    return id;
  };
  const transparencySource = (platform: string, year: number): string => {
    const id = `${platform}-transparency-${year}`;
    if (!sources.has(id)) {
      sources.set(id, {
        id,
        title: `${PLATFORMS.find(([p]) => p === platform)![1]} transparency report ${year}`,
        publisher: `${PLATFORMS.find(([p]) => p === platform)![1]}`,
        kind: 'platform-statement',
        published: `${year + 1}-0${r.int(1, 6)}`,
        url: `https://transparency.example/${platform}/${year}`,
        archived: `https://web.archive.example/${year + 1}0701/https://transparency.example/${platform}/${year}`,
      });
    }
    return id;
  };

  const byKind: Record<string, number> = { attack: 0, claim: 0, takedown: 0, migration: 0, statement: 0 };
  const count = (rec: Rec) => {
    byKind[rec.kind]!++;
    return rec;
  };

  // 1. Incidents and their records.
  const attachedTotal = Math.round(options.records * ATTACHED);
  const incidentYaml = new Map<number, string[]>();
  const incidentDays: number[] = [];
  for (let i = 0; i < options.incidents; i++) incidentDays.push(startDay + Math.floor(r.next() * span));
  incidentDays.sort((a, b) => a - b);
  let recordSerial = 0;
  const nextId = (prefix: string) => `${prefix}-${pad(recordSerial++, 6)}`;

  incidentDays.forEach((day, index) => {
    const year = new Date(day).getUTCFullYear();
    const [place, country, lat, lon] = r.pick(PLACES);
    const groupIndex = r.int(0, groups.length - 1);
    const group = groups[groupIndex]!;
    const outlet = outlets[groupIndex]!;
    const slug = `${slugify(place)}-${isoDay(day)}-${pad(index, 4)}`;
    const title = `${place} attack and the ${group.name}'s move between platforms`;
    // How many records this incident holds: the attached total spread over the incidents.
    const want = Math.max(5, Math.round(attachedTotal / options.incidents));
    const target = index === options.incidents - 1 ? Math.max(5, attachedTotal - recordSerial) : want;
    const pool = Array.from({ length: r.int(3, 6) }, () => newsSource(day + r.int(0, 10) * DAY, `${place} attack`));
    const cite = () => r.sample(pool, r.int(1, Math.min(3, pool.length)));
    const records: Rec[] = [];
    const withExtras = (rec: Rec): Rec => {
      if (r.chance(0.12)) {
        const other = r.pick(pool);
        rec.disputed = [{ field: 'date', value: isoDay(day + r.int(1, 3) * DAY), sources: [other], note: `${sources.get(other)!.publisher} gives a later day.` }];
      }
      if (r.chance(0.2)) rec.notes = `Reported as "${r.pick(WORDS_B).toLowerCase()}" by some outlets; figures < 100 & unconfirmed.`;
      rec.incidents = [slug];
      records.push(count(rec));
      return rec;
    };

    const attack = withExtras({
      id: nextId('attack'),
      kind: 'attack',
      date: looseDate(r, day),
      title: `Attack in ${place}`,
      sources: cite(),
      location: r.chance(0.6) ? { place, country, lat, lon } : { place, country },
      perpetrators: [group.id],
      weapon: r.sample(['firearms', 'explosives', 'melee', 'vehicle', 'incendiary'], r.int(1, 2)),
      killed: r.int(0, 30),
      injured: r.int(0, 80),
      ...(r.chance(0.3) ? { perpetrators_killed: r.int(0, 3) } : {}),
    });
    if (r.chance(0.1)) attack.disputed = [{ field: 'killed', value: (attack.killed as number) + r.int(1, 4), sources: [r.pick(pool)], note: 'An early count.' }];
    const home = r.pick(platformIds);
    let current = home;
    let takedownId: string | undefined;
    for (let k = 0; records.length < target; k++) {
      const at = day + r.int(1, 10 + k) * DAY;
      const roll = k === 0 ? 0 : k === 1 ? 0.3 : k === 2 ? 0.55 : r.next();
      if (roll < 0.15) {
        // A claim, after the attack it claims.
        withExtras({
          id: nextId('claim'),
          kind: 'claim',
          date: isoDay(day + r.int(0, 3) * DAY + DAY),
          title: `${outlet.name} claims the ${place} attack on ${PLATFORMS.find(([p]) => p === current)![1]}`,
          sources: cite(),
          attack: attack.id,
          claimant: group.id,
          outlet: outlet.id,
          platforms: [current],
          mode: r.pick(['posted-online', 'posted-online', 'video', 'note']),
          status: k === 0 ? 'claimed' : r.pick(['claimed', 'competing', 'disputed']),
          evidence: r.pick(['none-offered', 'offered', 'unknown']),
        });
      } else if (roll < 0.5) {
        const agency = r.pick(agencies);
        const referral = r.chance(0.4);
        const end = at + r.int(0, 3) * DAY;
        takedownId = withExtras({
          id: nextId('takedown'),
          kind: 'takedown',
          date: end > at ? `${isoDay(at)}/${isoDay(end)}` : looseDate(r, at),
          title: `${PLATFORMS.find(([p]) => p === current)![1]} removes ${group.name} channels`,
          sources: cite(),
          platform: current,
          initiator: referral ? 'law-enforcement-referral' : r.pick(['platform', 'user-reports', 'automated']),
          ...(referral ? { referrer: agency.id } : {}),
          targets: r.chance(0.5) ? [group.id, outlet.id] : [group.id],
          outcome: referral ? r.pick(['referred', 'removed']) : r.pick(['removed', 'removed', 'restored', 'unknown']),
          scope: r.chance(0.8) ? { count: r.int(5, 30_000), unit: r.pick(['accounts', 'channels', 'items', 'links']), precision: r.pick(['exact', 'approximate', 'at-least']) } : { text: r.pick(['hundreds', 'dozens', 'thousands']) },
        }).id;
      } else if (roll < 0.7) {
        const to = r.pick(platformIds.filter((p) => p !== current));
        withExtras({
          id: nextId('migration'),
          kind: 'migration',
          date: looseDate(r, at + DAY),
          title: `${group.name} supporters move from ${PLATFORMS.find(([p]) => p === current)![1]} to ${PLATFORMS.find(([p]) => p === to)![1]}`,
          sources: cite(),
          actors: r.chance(0.5) ? [group.id, outlet.id] : [outlet.id],
          from: current,
          to,
          ...(takedownId ? { trigger: takedownId } : {}),
        });
        current = to;
      } else {
        const speaker = r.pick(speakers);
        withExtras({
          id: nextId('statement'),
          kind: 'statement',
          date: looseDate(r, at),
          title: `${speaker.name} comments on the ${group.name}'s accounts`,
          sources: cite(),
          actor: speaker.id,
          ...(r.chance(0.5) ? { platform: current } : {}),
        });
      }
    }
    (incidentYaml.get(year) ?? incidentYaml.set(year, []).get(year)!).push(`# ${slug}\n${records.map(yamlRecord).join('')}`);
    files.set(`content/incidents/${slug}.mdx`, incidentMdx(r, { slug, title, day, place, country, group, records, sources: pool, sourceMap: sources }));
  });
  for (const [year, chunks] of [...incidentYaml].sort((a, b) => a[0] - b[0])) {
    files.set(`data/records/incidents-${year}.yaml`, `# Records of the incidents of ${year}.\n\n${chunks.join('\n')}`);
  }

  // 2. Bulk rows without write-ups: attacks with claims (GTD-like) and takedowns (transparency reports).
  const bulk = Math.max(0, options.records - recordSerial);
  const attacks: string[][] = [];
  const claims: string[][] = [];
  const takedowns: string[][] = [];
  let made = 0;
  while (made < bulk) {
    const day = startDay + Math.floor(r.next() * span);
    const year = new Date(day).getUTCFullYear();
    const groupIndex = r.int(0, groups.length - 1);
    if (made % 10 < 6 && bulk - made >= 1) {
      const [place, country, lat, lon] = r.pick(PLACES);
      // Coordinates come in pairs (rule location-coordinates), half the rows have them.
      const located = r.chance(0.5);
      const id = nextId('gtd');
      const disputed = r.chance(0.04) ? JSON.stringify([{ field: 'injured', value: r.int(0, 50), sources: [datasetSource(year)], note: 'A later release, revised.' }]) : '';
      attacks.push([id, looseDate(r, day), `Attack in ${place}, ${isoDay(day)}`, datasetSource(year), place, country, located ? String(lat) : '', located ? String(lon) : '', r.chance(0.7) ? groups[groupIndex]!.id : '', r.pick(['firearms', 'explosives', 'explosives;firearms', 'melee', 'unknown']), String(r.int(0, 20)), String(r.int(0, 60)), disputed]);
      made++;
      if (made < bulk && r.chance(0.35)) {
        claims.push([nextId('gtd-claim'), isoDay(day + r.int(1, 5) * DAY), `Claim for the ${place} attack of ${isoDay(day)}`, datasetSource(year), id, groups[groupIndex]!.id, r.chance(0.5) ? outlets[groupIndex]!.id : '', r.pick(platformIds), r.pick(['posted-online', 'unknown', 'call', 'letter']), r.pick(['claimed', 'claimed', 'competing'])]);
        made++;
      }
    } else {
      const platform = r.pick(platformIds);
      const exact = r.chance(0.7);
      takedowns.push([nextId('td'), r.chance(0.3) ? isoDay(day).slice(0, 7) : isoDay(day), `${PLATFORMS.find(([p]) => p === platform)![1]} removes accounts`, transparencySource(platform, year), platform, r.pick(['platform', 'automated', 'user-reports', 'unknown']), groups[groupIndex]!.id, r.pick(['removed', 'removed', 'unknown']), exact ? String(r.int(1, 5000)) : '', exact ? r.pick(['accounts', 'items', 'channels']) : '', exact ? r.pick(['exact', 'approximate']) : '', exact ? '' : r.pick(['hundreds', 'dozens'])]);
      made++;
    }
  }
  const csvFiles = (name: string, header: string[], rows: string[][]) => {
    for (let start = 0, n = 1; start < rows.length; start += CSV_ROWS_PER_FILE, n++) {
      const chunk = rows.slice(start, start + CSV_ROWS_PER_FILE);
      files.set(`data/records/${name}-${pad(n, 3)}.csv`, [header, ...chunk].map((row) => row.map(csvCell).join(',')).join('\n') + '\n');
    }
  };
  csvFiles('attacks', ['id', 'date', 'title', 'sources', 'location.place', 'location.country', 'location.lat', 'location.lon', 'perpetrators', 'weapon', 'killed', 'injured', 'disputed'], attacks);
  csvFiles('claims', ['id', 'date', 'title', 'sources', 'attack', 'claimant', 'outlet', 'platforms', 'mode', 'status'], claims);
  csvFiles('takedowns', ['id', 'date', 'title', 'sources', 'platform', 'initiator', 'targets', 'outcome', 'scope.count', 'scope.unit', 'scope.precision', 'scope.text'], takedowns);
  byKind.attack! += attacks.length;
  byKind.claim! += claims.length;
  byKind.takedown! += takedowns.length;

  // 3. Registries and settings.
  files.set(
    'data/site.yaml',
    `title: Driftwatch benchmark\ndescription: A synthetic site of ${options.incidents} incidents and ${options.records} records, for the benchmark.\nlicence: CC BY 4.0\nlanguage: en\ndefang:\n  - t.me\n  - telegram.me\n  - tt.me\n`,
  );
  // A platform's country and launch date need a source (rule unsourced-registry-fact).
  sources.set('platform-directory', { id: 'platform-directory', title: 'Directory of online platforms', publisher: 'Driftwatch benchmark', kind: 'dataset', published: '2024' });
  files.set(
    'data/platforms.yaml',
    PLATFORMS.map(([id, name, kind, country], i) => `- id: ${id}\n  name: ${q(name)}\n  kind: ${kind}\n  country: ${country}\n  launched: '${2004 + (i % 15)}'\n  website: https://${id}.example/\n  sources: [platform-directory]\n`).join('\n'),
  );
  const actorYaml = (a: Actor) =>
    `- id: ${a.id}\n  name: ${q(a.name)}\n  kind: ${a.kind}\n${a.parent ? `  parent: ${a.parent}\n` : ''}${a.aliases ? `  aliases: [${a.aliases.map(q).join(', ')}]\n` : ''}`;
  files.set('data/actors.yaml', [...groups, ...outlets, ...speakers].map(actorYaml).join('\n'));
  const sourceYaml = (s: Source) =>
    `- id: ${s.id}\n  title: ${q(s.title)}\n  publisher: ${q(s.publisher)}\n  kind: ${s.kind}\n  published: '${s.published}'\n` +
    (s.url ? `  url: ${s.url}\n` : '') +
    (s.archived ? `  archived: ${s.archived}\n` : '') +
    (s.language ? `  language: ${s.language}\n` : '') +
    (s.reliability ? `  reliability: ${s.reliability}\n` : '');
  files.set('data/sources.yaml', [...sources.values()].map(sourceYaml).join('\n'));
  files.set('content/pages/about.mdx', `---\ntitle: About\nsummary: A synthetic benchmark site.\n---\n\nThis site is generated by \`npm run bench\`. Nothing in it happened.\n`);

  return {
    files,
    counts: { incidents: options.incidents, records: recordSerial, byKind, platforms: PLATFORMS.length, actors: groups.length * 2 + speakers.length, sources: sources.size },
  };
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function yamlValue(value: Value, indent: string): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return q(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return `[${(value as string[]).join(', ')}]`;
    return (
      '\n' +
      (value as Dispute[])
        .map((d) => `${indent}  - field: ${d.field}\n${indent}    value: ${yamlValue(d.value, indent)}\n${indent}    sources: [${d.sources.join(', ')}]\n${d.note ? `${indent}    note: ${q(d.note)}\n` : ''}`)
        .join('')
        .replace(/\n$/, '')
    );
  }
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? v : q(v)}`)
    .join(', ')}}`;
}

function yamlRecord(rec: Rec): string {
  const { id, kind, ...rest } = rec;
  let out = `- id: ${id}\n  kind: ${kind}\n`;
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) out += `  ${key}: ${yamlValue(value, '  ')}\n`;
  return out;
}

interface IncidentInput {
  slug: string;
  title: string;
  day: number;
  place: string;
  country: string;
  group: Actor;
  records: Rec[];
  sources: string[];
  sourceMap: Map<string, Source>;
}

const SENTENCES = [
  'Researchers who followed the channels saw them go quiet within hours.',
  'The group had relied on the platform for years, and its supporters rebuilt their channels elsewhere.',
  'Figures given by the platform and by the authorities do not agree, and both are kept.',
  'Some of the accounts came back under new names within days; most did not.',
  'Local reporting described the scene in detail; this write-up keeps to what the sources confirm.',
  'The outlet redistributed the official output, as it had done for earlier attacks.',
];

function incidentMdx(r: Random, input: IncidentInput): string {
  const { slug, title, day, place, country, group, records, sources } = input;
  const cite = () => `<Cite id="${r.pick(sources)}" />`;
  const mention = () => `<Record id="${r.pick(records).id}" />`;
  const paragraph = () =>
    Array.from({ length: r.int(3, 5) }, () => r.pick(SENTENCES))
      .join(' ')
      .replace(/\.$/, ` ${cite()}.`);
  const sections = [
    `## What happened\n\nOn ${isoDay(day)} an attack in ${place} was attributed to the ${group.name}. ${paragraph()}\n\n${paragraph()}`,
    `## The claims\n\nThe claim reached the public through the group's media office (${mention()}). ${paragraph()}`,
    `## Takedowns and moves\n\n${paragraph()} The record of the move is ${mention()}.\n\n- Platforms named in the sources are listed below.\n- Dates are as precise as the sources allow.`,
    `## What the sources disagree on\n\n${paragraph()}`,
  ];
  if (r.chance(0.1)) sections.splice(3, 0, `<Timeline title="The incident, record by record" />`);
  const frontmatter = [
    '---',
    `title: ${q(title)}`,
    `date: '${isoDay(day)}'`,
    `summary: ${q(`An attack in ${place} and what followed on the platforms the ${group.name} used.`)}`,
    ...(r.chance(0.7) ? [`contentWarning: This write-up describes a violent attack.`] : []),
    `location: {place: ${q(place)}, country: ${country}}`,
    `tags: [${r.sample(['takedowns', 'claims-of-responsibility', 'platform-migration', 'europol', 'messengers'], 3).join(', ')}]`,
    `authors: [Driftwatch benchmark]`,
    `sources: [${sources.join(', ')}]`,
    '---',
  ].join('\n');
  return `${frontmatter}\n\n${sections.join('\n\n')}\n`;
}

/**
 * The same site with data/site.yaml `recordListLimit` set: pages that count past it, or with
 * `all`, pages that list every record however large the site (docs/scale.md).
 */
export function withRecordListLimit(site: GeneratedSite, limit: number | 'all'): GeneratedSite {
  const files = new Map(site.files);
  files.set('data/site.yaml', `${files.get('data/site.yaml')}recordListLimit: ${limit}\n`);
  return { ...site, files };
}

/** Writes a generated site into `dir` (emptied first). */
export function writeSite(dir: string, site: GeneratedSite): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of site.files) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/**
 * The edit an editor makes to an incident's records, which the bench's dev loop times
 * (dev-loop.ts): `marker` added to the title of its first record, in the incidents-<year>.yaml
 * file that holds its block (`# <slug>`, then its records). Its card on the incident page shows
 * the title. `file` is relative to the project folder.
 */
export function incidentDataEdit(site: GeneratedSite, slug: string): FileEdit {
  const heading = `# ${slug}\n`;
  const file = [...site.files].find(([path, text]) => /^data\/records\/incidents-\d+\.yaml$/.test(path) && text.includes(heading))?.[0];
  if (!file) throw new Error(`no records file holds the records of ${slug}`);
  return {
    file,
    edit(text, marker) {
      const block = text.indexOf(heading);
      const title = /^ {2}title: "(.*)"$/m.exec(text.slice(block));
      if (block < 0 || !title) throw new Error(`${file}: no record title under "# ${slug}"`);
      const at = block + title.index + title[0].length - 1; // before the closing quote
      return `${text.slice(0, at)} ${marker}${text.slice(at)}`;
    },
  };
}
