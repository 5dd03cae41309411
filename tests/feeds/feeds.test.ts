/**
 * The pure parts of the reader's site: queries for platform, actor and filter pages; CSV cells;
 * the data package; XML, JSON-LD and BibTeX escaping; citations; drafts kept out of every output.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/validate.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { buildSiteData, type DataInput } from '../../src/data/queries.ts';
import { dataPackage } from '../../src/feeds/datapackage.ts';
import { downloadCsv, downloadJson, downloads, jsonLines, recordDownloads, recordsCsv } from '../../src/feeds/downloads.ts';
import { besideBacklog, finishBeside, openBeside, writeBeside, type BesideFile } from '../../src/feeds/beside.ts';
import { recordsParquet } from '../../src/feeds/parquet.ts';
import { recordYear } from '../../src/data/record-files.ts';
import { FEED_ITEMS, newestItems, rss } from '../../src/feeds/rss.ts';
import { sitemapEntries, sitemapXml } from '../../src/feeds/sitemap.ts';
import { cellText, toCsv, columnsOf } from '../../src/feeds/table.ts';
import { wrap, cardSvg, renderCard } from '../../src/feeds/og/index.ts';
import { readMetrics } from '../../src/feeds/font.ts';
import { attackSchema, recordSchema, type DataRecord } from '../../src/schema/index.ts';
import { bibtex, cslJson } from '../../src/client/cite-forms.ts';
import { citation, plainCitation } from '../../src/seo/cite.ts';
import { REPO } from '../helpers/fixture.ts';

const { data } = checkProject(REPO);
const input = (): DataInput => ({ ...data, incidents: data.incidents.map(({ file, body, bodyLine, ...rest }) => rest) });
const site = buildSiteData(input(), { includeDrafts: false });

describe('queries for the reader’s pages', () => {
  it('finds what happened on a platform, by role', () => {
    const roles = site.recordsOfPlatform('tamtam');
    expect(roles.some((r) => r.role === 'removed-on')).toBe(true);
    expect(roles.some((r) => r.role === 'moved-to')).toBe(true);
    expect(roles.some((r) => r.role === 'claim-published-on')).toBe(true);
    expect(site.recordsOfPlatform('telegram').some((r) => r.role === 'moved-from')).toBe(true);
  });

  it('finds an actor’s claims, the takedowns that targeted it and its moves', () => {
    const roles = new Set(site.recordsOfActor('islamic-state').map((r) => r.role));
    expect([...roles]).toEqual(expect.arrayContaining(['claimant', 'target', 'moved']));
    expect(site.childrenOfActor('islamic-state').map((a) => a.id)).toContain('amaq');
  });

  it('offers incident filters only for values some incident has, with counts', () => {
    expect(site.facets.years).toEqual([{ value: '2019', label: '2019', count: 1 }]);
    expect(site.facets.platforms.map((f) => f.value)).toEqual(expect.arrayContaining(['telegram', 'tamtam']));
    expect(site.incidentsOfPlatform('tamtam').map((i) => i.id)).toEqual(['fishmongers-hall-2019']);
    expect(site.incidentsOfPlatform('threema')).toEqual([]);
    expect(site.incidentsOfYear(2019)).toHaveLength(1);
  });

  it('counts the headline figures from the data', () => {
    expect(site.counts.claims).toBe(data.records.filter((r) => r.kind === 'claim').length);
    expect(site.counts.sources).toBe(data.sources.length);
    expect(site.sourcesByKind.flatMap((g) => g.sources)).toHaveLength(data.sources.length);
  });
});

describe('drafts', () => {
  // A marker no real data holds: the case study's sources say "secretly", so "secret" was not one.
  const MARKER = 'zz-draft-only';
  const withDraft = (): DataInput => {
    const base = input();
    const draftRecord = { ...base.records.find((r) => r.kind === 'attack')!, id: `${MARKER}-attack`, title: MARKER, incidents: [`${MARKER}-incident`] } as DataRecord;
    return {
      ...base,
      incidents: [...base.incidents, { ...base.incidents[0]!, id: `${MARKER}-incident`, title: `${MARKER} write-up`, status: 'draft' }],
      records: [...base.records, draftRecord],
    };
  };
  const built = buildSiteData(withDraft(), { includeDrafts: false });

  it('never reach the downloads, the feed or the sitemap', () => {
    for (const download of downloads(built)) expect(downloadCsv(download)).not.toContain(MARKER);
    const feed = rss({ title: 't', description: 'd', home: 'https://x/', self: 'https://x/rss.xml', language: 'en', items: built.incidents.map((i) => ({ title: i.title, url: `https://x/${i.id}/`, summary: i.summary, date: i.span.start, categories: [] })) });
    expect(feed).not.toContain(MARKER);
    expect(JSON.stringify(sitemapEntries(built, ['about'], ['/timeline/']))).not.toContain(MARKER);
  });

  it('are shown by astro dev only', () => {
    expect(buildSiteData(withDraft(), { includeDrafts: true }).incidentById.has(`${MARKER}-incident`)).toBe(true);
  });
});

describe('CSV downloads', () => {
  it('neutralise cells a spreadsheet would run as formulas, but not numbers', () => {
    expect(cellText('=1+1', 'scalar')).toBe("'=1+1");
    // Numbers are numbers: a negative longitude is not a formula.
    expect(cellText(-0.0877, 'scalar')).toBe('-0.0877');
  });

  it('write a dangerous title as text that loads back as it was', () => {
    const attack = { ...site.recordsOfKind('attack')[0]!, title: '=HYPERLINK("https://t.me/x","click")', notes: '-2+3, "quoted"\nsecond line' };
    const csv = toCsv(columnsOf(attackSchema), [attack]);
    expect(csv).toContain(`"'=HYPERLINK(""https://t.me/x"",""click"")"`);
    const [entry] = parseCsv('data/records/attacks.csv', csv).entries;
    const back = recordSchema.parse(entry!.value);
    // The loader drops the ' the download added, so the data round-trips exactly.
    expect(back.title).toBe(attack.title);
    expect(back.notes).toBe(attack.notes);
    expect(back).toEqual(recordSchema.parse(attack));
  });

  it('describe their columns with types taken from the schemas', () => {
    const pkg = dataPackage(data.site, downloads(site), 'https://x/data/') as { licenses: { name: string }[]; resources: { name: string; schema: { fields: { name: string; type: string; constraints?: { enum?: string[] } }[]; foreignKeys: unknown[] } }[] };
    expect(pkg.licenses[0]!.name).toBe('CC-BY-4.0');
    const takedowns = pkg.resources.find((r) => r.name === 'takedowns-2019')!.schema;
    expect(takedowns.fields.find((f) => f.name === 'outcome')!.constraints!.enum).toEqual(['referred', 'removed', 'restored', 'unknown']);
    expect(takedowns.fields.find((f) => f.name === 'scope.count')!.type).toBe('integer');
    expect(takedowns.foreignKeys).toContainEqual({ fields: ['platform'], reference: { resource: 'platforms', fields: ['id'] } });
    const records = pkg.resources.find((r) => r.name === 'records')!.schema;
    expect(records.fields.find((f) => f.name === 'kind')!.constraints!.enum).toEqual(['attack', 'claim', 'takedown', 'migration', 'statement']);
  });
});

describe('record downloads', () => {
  // The case study's records, spread over three years, one an interval starting in 2017.
  const spread = (): DataInput => {
    const base = input();
    const years = ['2017-12-30/2018-01-02', '2018-05', '2019-03-01', '2019~'];
    return { ...base, records: base.records.map((r, i) => ({ ...r, date: i < years.length ? years[i]! : r.date }) as DataRecord) };
  };
  const spreadSite = buildSiteData(spread(), { includeDrafts: false });

  it('come as one file per kind and year, named after the year the date starts in', () => {
    expect(recordYear({ date: '2017-12-30/2018-01-02' })).toBe('2017');
    expect(recordYear({ date: '2019-XX' })).toBe('2019');
    expect(recordYear({ date: '../2019' })).toBe('undated');
    const files = downloads(spreadSite).filter((d) => d.kind);
    // Each record is in exactly one file, the one of its kind and year.
    expect(files.flatMap((f) => f.rows.map((r) => (r as DataRecord).id)).sort()).toEqual(spreadSite.records.map((r) => r.id).sort());
    for (const file of files) for (const row of file.rows as DataRecord[]) expect(file.name).toBe(`${row.kind}s-${recordYear(row)}`);
    expect(new Set(files.map((f) => f.year))).toEqual(new Set(['2017', '2018', '2019']));
    const kinds = recordDownloads(spreadSite);
    expect(kinds.map((k) => k.kind)).toEqual(['attack', 'claim', 'takedown', 'migration', 'statement']);
    for (const kind of kinds) expect(kind.files.map((f) => f.year)).toEqual([...kind.files.map((f) => f.year!)].sort());
  });

  it('write JSON one entry a line, which parses back to the rows', () => {
    const file = downloads(site).find((d) => d.kind === 'claim')!;
    const text = downloadJson(file);
    expect(text.split('\n')).toHaveLength(file.rows.length + 3);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(file.rows)));
    expect(downloadJson({ ...file, rows: [] })).toBe('[]\n');
  });
});

describe('files written beside the routes in a build', () => {
  const withEnv = async (vars: Record<string, string>, run: () => Promise<void>) => {
    const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
    Object.assign(process.env, vars);
    try {
      await run();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  };

  it('are written off the main thread with the bytes their routes answer in astro dev', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dw-beside-'));
    try {
      await withEnv({ DRIFTWATCH_OG_CACHE: 'off', DRIFTWATCH_ROOT: REPO }, async () => {
        const incident = site.incidents[0]!;
        const records = site.recordsOfIncident(incident.id);
        const claims = downloads(site).find((d) => d.kind === 'claim')!;
        const platforms = downloads(site).find((d) => d.name === 'platforms')!;
        const card = { site: 'Driftwatch', kicker: 'Incident', title: 'Атака три, “quoted”', meta: '1 June 2020' };
        const handed: BesideFile[] = [
          { path: `data/incidents/${incident.id}.csv`, content: { type: 'csv', columns: 'records', rows: records } },
          { path: `data/incidents/${incident.id}.json`, content: { type: 'json', rows: records } },
          { path: `data/${claims.name}.csv`, content: { type: 'csv', columns: claims.columnsKey, rows: claims.rows } },
          { path: 'data/platforms.csv', content: { type: 'csv', columns: platforms.columnsKey, rows: platforms.rows } },
          { path: 'data/records.parquet', content: { type: 'parquet', records: site.records } },
          { path: 'og/incidents/x.png', content: { type: 'card', card } },
        ];
        // No build open: the routes answer for themselves.
        expect(writeBeside(handed)).toBe(false);
        openBeside(out);
        expect(writeBeside(handed.slice(0, 3))).toBe(true);
        expect(writeBeside(handed.slice(3))).toBe(true);
        expect(await finishBeside()).toBe(handed.length);
        expect(writeBeside(handed)).toBe(false);
        const bytes = (path: string) => readFileSync(join(out, path));
        expect(bytes(`data/incidents/${incident.id}.csv`).toString()).toBe(recordsCsv(records));
        expect(bytes(`data/incidents/${incident.id}.json`).toString()).toBe(jsonLines(records));
        expect(bytes(`data/${claims.name}.csv`).toString()).toBe(downloadCsv(claims));
        expect(bytes('data/platforms.csv').toString()).toBe(downloadCsv(platforms));
        expect(bytes('data/records.parquet').equals(Buffer.from(recordsParquet(site.records)))).toBe(true);
        expect(bytes('og/incidents/x.png').equals(Buffer.from(await renderCard(card)))).toBe(true);
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('go to the worker a few batches at a time, so the dataset is not copied into it at once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dw-beside-'));
    try {
      await withEnv({ DRIFTWATCH_ROOT: REPO }, async () => {
        const records = site.records.slice(0, 3);
        const handed: BesideFile[] = Array.from({ length: 300 }, (_, i) => ({ path: `data/many/${i}.json`, content: { type: 'json', rows: records } }));
        openBeside(out);
        expect(writeBeside(handed)).toBe(true);
        // Posting copies the rows into the worker: only two batches of 25 are in its hands.
        const backlog = besideBacklog();
        expect(backlog.inWorker).toBe(50);
        expect(backlog.queued).toBe(250);
        expect(await finishBeside()).toBe(300);
        expect(besideBacklog()).toEqual({ queued: 0, inWorker: 0 });
        for (const i of [0, 149, 299]) expect(readFileSync(join(out, `data/many/${i}.json`), 'utf8')).toBe(jsonLines(records));
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('stop the build when one cannot be written', async () => {
    const out = mkdtempSync(join(tmpdir(), 'dw-beside-'));
    try {
      await withEnv({ DRIFTWATCH_ROOT: REPO }, async () => {
        // A file where the folder should be.
        writeFileSync(join(out, 'data'), '');
        openBeside(out);
        writeBeside([{ path: 'data/x.json', content: { type: 'json', rows: [] } }]);
        await expect(finishBeside()).rejects.toThrow(/ENOTDIR|EEXIST|not a directory/);
        expect(existsSync(join(out, 'data/x.json'))).toBe(false);
      });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('escaping', () => {
  it('writes XML that parses whatever the text holds', () => {
    const nasty = 'Tom & "Jerry" <script>alert(1)</script> \u0001 it\'s';
    const feed = rss({ title: nasty, description: nasty, home: 'https://x/?a=1&b=2', self: 'https://x/rss.xml', language: 'en', items: [{ title: nasty, url: 'https://x/a/', summary: nasty, date: 0, categories: [nasty] }] });
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).not.toContain('<script>');
    expect(XMLValidator.validate(sitemapXml([{ path: '/a&b/' }], (p) => `https://x${p}`))).toBe(true);
  });

  it('draws social cards with text, never markup, from data', () => {
    const svg = cardSvg({ site: 'S', kicker: 'K', title: '<g onload="x">&', meta: 'm' });
    expect(svg).toContain('&lt;g onload=&quot;x&quot;&gt;&amp;');
    expect(wrap('a '.repeat(200), 28, 4)).toHaveLength(4);
  });

  it('draws a 1200×630 palette PNG, in any script, and keeps it in the cache for the next build', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'dw-og-'));
    const before = process.env.DRIFTWATCH_OG_CACHE;
    process.env.DRIFTWATCH_OG_CACHE = cache;
    try {
      const chunks = (png: Buffer) => {
        const found = new Map<string, Buffer[]>();
        for (let at = 8; at < png.length; ) {
          const length = png.readUInt32BE(at);
          const type = png.toString('latin1', at + 4, at + 8);
          found.set(type, [...(found.get(type) ?? []), png.subarray(at + 8, at + 8 + length)]);
          at += 12 + length;
        }
        return found;
      };
      for (const title of ['Attack at Fishmongers’ Hall, “claimed” – 2019', 'هجوم على قاعة فيشمونغرز']) {
        const card = { site: 'Driftwatch', kicker: 'Incident', title, meta: '29 November 2019 · London, GB' };
        const png = Buffer.from(await renderCard(card));
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        const parts = chunks(png);
        const header = parts.get('IHDR')![0]!;
        expect([header.readUInt32BE(0), header.readUInt32BE(4), header[9]]).toEqual([1200, 630, 3]);
        const pixels = inflateSync(Buffer.concat(parts.get('IDAT')!));
        expect(pixels.length).toBe(630 * 1201);
        // Text was drawn: the title's rows hold more than the background and the stripe.
        const row = pixels.subarray(230 * 1201, 231 * 1201);
        expect(new Set(row.subarray(1)).size).toBeGreaterThan(2);
        // Drawn again, it comes from the cache, byte for byte; no half-written file is left.
        expect(Buffer.from(await renderCard(card)).equals(png)).toBe(true);
      }
      const files = readdirSync(cache);
      expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(2);
      expect(files.filter((f) => !f.endsWith('.png'))).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.DRIFTWATCH_OG_CACHE;
      else process.env.DRIFTWATCH_OG_CACHE = before;
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('reads advance widths and kerning from the card font', () => {
    const ttf = join(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', 'DejaVuSans-Bold.ttf');
    const font = readMetrics(readFileSync(ttf));
    const glyph = (c: string) => font.glyphOf(c.codePointAt(0)!);
    expect(font.unitsPerEm).toBe(2048);
    expect(glyph('A')).toBeGreaterThan(0);
    expect(font.advance(glyph('W'))).toBeGreaterThan(font.advance(glyph('i')));
    expect(font.kerning(glyph('A'), glyph('V'))).toBeLessThan(0);
    expect(glyph('中')).toBe(0); // no CJK in DejaVu: such text goes to resvg whole
  });
});

describe('citations', () => {
  const cite = { id: 'case-1', title: 'Fish & {chips}: 100% _true_', authors: ['Driftwatch editors'], container: 'Driftwatch', url: 'https://x/incidents/case-1/', updated: '2026-11-28', type: 'webpage' as const };

  it('writes plain text, BibTeX and CSL-JSON from the page', () => {
    expect(plainCitation(cite)).toBe('Driftwatch editors. “Fish & {chips}: 100% _true_”. Driftwatch. 28 November 2026. https://x/incidents/case-1/');
    const bib = bibtex(citation(cite));
    expect(bib).toContain('@online{case-1,');
    expect(bib).toContain('title = {{Fish \\& \\{chips\\}: 100\\% \\_true\\_}}');
    expect(bib).toContain('author = {{Driftwatch editors}}');
    expect(bib).toContain('date = {2026-11-28}');
    expect(cslJson(citation(cite))).toEqual({
      id: 'case-1',
      type: 'webpage',
      title: cite.title,
      author: [{ literal: 'Driftwatch editors' }],
      'container-title': 'Driftwatch',
      URL: cite.url,
      issued: { 'date-parts': [[2026, 11, 28]] },
    });
  });
});

describe('the feed', () => {
  it('carries the newest items, newest first, not every write-up', () => {
    const items = Array.from({ length: FEED_ITEMS + 30 }, (_, i) => ({ id: i, date: (i * 7919) % 1000 }));
    const newest = newestItems(items);
    expect(newest).toHaveLength(FEED_ITEMS);
    expect(newest.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort((a, b) => b - a).slice(0, FEED_ITEMS));
  });
});
