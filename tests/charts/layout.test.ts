import { describe, expect, test } from 'vitest';
import { layoutTimeline } from '../../src/charts/timeline/layout.ts';
import { layoutClaims } from '../../src/charts/claims/layout.ts';
import { layoutTakedowns } from '../../src/charts/takedowns/layout.ts';
import { formatScope } from '../../src/data/facts.ts';
import type { ChartLayout } from '../../src/charts/shared/types.ts';
import { attack, caseStudy, claim, statement, synthetic, takedown } from './fixtures.ts';

const recordIds = (layout: ChartLayout) => layout.marks.filter((m) => m.type !== 'ghost' && m.recordId).map((m) => m.recordId);
const tableIds = (layout: ChartLayout) => layout.table.groups.flatMap((g) => g.rows.map((r) => r.recordId));
const numbersAreRounded = (layout: ChartLayout) =>
  layout.marks.every((m) => [m.x, m.y, m.span?.x0 ?? 0, m.span?.x1 ?? 0].every((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9));

describe('timeline layout', () => {
  test('empty data: no marks, a message, a description', () => {
    const layout = layoutTimeline({ records: [] });
    expect(layout.marks).toEqual([]);
    expect(layout.empty).toMatch(/No dated records/);
    expect(layout.description).toMatch(/no records/);
    expect(layout.axes).toEqual([]);
  });

  test('one record: one mark inside the plot, one lane, ticks around it', () => {
    const layout = layoutTimeline({ records: [attack('a', '2019-11-29T13:58:00Z')] });
    expect(layout.marks).toHaveLength(1);
    const [mark] = layout.marks;
    expect(mark!.recordId).toBe('a');
    expect(mark!.x).toBeGreaterThan(layout.margin.left);
    expect(mark!.x).toBeLessThan(layout.width - layout.margin.right);
    expect(layout.lanes.map((l) => l.id)).toEqual(['attack']);
    expect(layout.axes[0]!.ticks.length).toBeGreaterThanOrEqual(3);
    expect(tableIds(layout)).toEqual(['a']);
  });

  test('intervals are bars spanning their days', () => {
    const layout = layoutTimeline({ records: [takedown('t', '2019-11-21/2019-11-24'), takedown('u', '2019-12-10')] });
    const bar = layout.marks.find((m) => m.recordId === 't')!;
    expect(bar.span?.style).toBe('interval');
    expect(bar.classes).toContain('is-interval');
    const point = layout.marks.find((m) => m.recordId === 'u')!;
    expect(point.span).toBeUndefined();
    expect(bar.span!.x1 - bar.span!.x0).toBeGreaterThan(0);
  });

  test('approximate, uncertain and month-precision dates are flagged for distinct drawing', () => {
    const layout = layoutTimeline({ records: [statement('a', '2019-11~'), statement('b', '2019-12-01?'), statement('c', '2019-12'), statement('d', '2019-12-05')] });
    const classes = (id: string) => layout.marks.find((m) => m.recordId === id)!.classes;
    expect(classes('a')).toEqual(expect.arrayContaining(['is-approximate', 'is-month']));
    expect(classes('b')).toContain('is-uncertain');
    expect(classes('c')).toContain('is-month');
    expect(classes('d')).not.toEqual(expect.arrayContaining(['is-approximate']));
    expect(layout.marks.find((m) => m.recordId === 'a')!.glyph).toBe('~');
    expect(layout.legend.map((l) => l.label)).toEqual(expect.arrayContaining(['Approximate date (~)', 'Uncertain date (?)', 'Known only to the month or year']));
  });

  test('a disputed date is a ghost mark linked to its record, in the same row', () => {
    const records = [attack('a', '2019-11-29', { disputed: [{ field: 'date', value: '2019-11-30', sources: ['x'], note: 'Says Saturday.' }] })];
    const layout = layoutTimeline({ records });
    const [real, ghost] = layout.marks;
    expect(ghost!.type).toBe('ghost');
    expect(ghost!.recordId).toBe('a');
    expect(ghost!.y).toBe(real!.y);
    expect(ghost!.x).toBeGreaterThan(real!.x);
    expect(ghost!.x + ghost!.link!.dx).toBeCloseTo(real!.x, 0);
    expect(ghost!.tip).toMatch(/Says Saturday/);
    expect(layout.table.columns.at(-1)).toBe('Sources disagree');
    expect(layout.table.groups[0]!.rows[0]!.cells.at(-1)).toBe('date: 30 November 2019, according to x');
  });

  test('a migration’s label sits beside the arrow’s start, on the side where it fits', () => {
    const label = (width: number) => {
      const arrow = layoutTakedowns({ ...caseStudy, width }).marks.find((m) => m.type === 'arrow')!;
      return { ...arrow.label!, startX: arrow.x + arrow.label!.dx };
    };
    const wide = label(960);
    expect(wide.anchor).toBe('start');
    // Just right of where the path starts (its first point, relative to the mark).
    const path = layoutTakedowns({ ...caseStudy, width: 960 }).marks.find((m) => m.type === 'arrow')!.path!;
    const [px, py] = /^M(-?[\d.]+),(-?[\d.]+)/.exec(path)!.slice(1).map(Number);
    expect(wide.dx).toBeCloseTo(px! + 8, 0);
    expect(wide.dy).toBeCloseTo(py! + 4, 0);
    // Where the text would run out of a narrow chart, it ends left of the start instead.
    expect(label(640).anchor).toBe('end');
  });

  test('every chart shows what other sources report beside each record, by publisher', () => {
    const disputed = (layout: { table: { columns: string[]; groups: { rows: { recordId: string; cells: string[] }[] }[] } }, id: string) => {
      const column = layout.table.columns.indexOf('Sources disagree');
      return layout.table.groups.flatMap((g) => g.rows).find((r) => r.recordId === id)?.cells[column];
    };
    const takedowns = layoutTakedowns(caseStudy);
    expect(disputed(takedowns, 'referral-action-days-2019-11')).toMatch(/^countries: 11, according to Panorama\.am; outcome: removed, according to Hürriyet Daily News, Panorama\.am; date: 25 November 2019, according to /);
    expect(takedowns.marks.find((m) => m.recordId === 'referral-action-days-2019-11')!.tip).toContain('Sources disagree: outcome: removed, according to Hürriyet Daily News');
    const claims = layoutClaims(caseStudy);
    expect(disputed(claims, 'claim-amaq-2019-11-30')).toMatch(/^date: 1 December 2019, according to /);
    // A disputed id is said as the name it stands for.
    const named = layoutClaims({ ...caseStudy, records: caseStudy.records.map((r) => (r.id === 'claim-amaq-2019-11-30' ? { ...r, disputed: [...(r.disputed ?? []), { field: 'platforms', value: ['tamtam'], sources: ['appleapple-2019-12'] }] } : r)) as typeof caseStudy.records });
    expect(disputed(named, 'claim-amaq-2019-11-30')).toContain('platforms: TamTam, according to appleapple.top');
    // A table that lists none of the disputed records gets no empty column.
    expect(layoutTimeline({ ...caseStudy, records: caseStudy.records.filter((r) => !r.disputed?.length) }).table.columns).not.toContain('Sources disagree');
    // Without the registry of sources, their ids stand in.
    expect(disputed(layoutClaims({ ...caseStudy, sources: undefined }), 'claim-amaq-2019-11-30')).toBe('date: 1 December 2019, according to appleapple-2019-12');
  });

  test('records on the same day stack instead of hiding each other', () => {
    const layout = layoutTimeline({ records: [statement('a', '2019-11-29'), statement('b', '2019-11-29')] });
    const [a, b] = layout.marks;
    expect(a!.x).toBe(b!.x);
    expect(a!.y).not.toBe(b!.y);
  });

  test('lanes by platform: a record on two platforms appears in both, one without a platform gets its own lane', () => {
    const layout = layoutTimeline({ ...caseStudy, groupBy: 'platform' });
    expect(layout.lanes.map((l) => l.id)).toEqual(['telegram', 'tamtam', 'twitter', '(none)']);
    const amaq = layout.marks.filter((m) => m.recordId === 'claim-amaq-2019-11-30' && m.type === 'record');
    expect(amaq.map((m) => m.lane).sort()).toEqual(['tamtam', 'telegram']);
  });

  test('the case study: every record drawn and in the table, pixels rounded', () => {
    const layout = layoutTimeline(caseStudy);
    expect(new Set(recordIds(layout))).toEqual(new Set(caseStudy.records.map((r) => r.id)));
    expect(tableIds(layout).sort()).toEqual(caseStudy.records.map((r) => r.id).sort());
    expect(layout.marks.filter((m) => m.type === 'ghost')).toHaveLength(4);
    expect(numbersAreRounded(layout)).toBe(true);
    expect(layout.binned).toBe(false);
  });

  test('10,000 records aggregate into bins whose counts add up to the records; the table keeps every one', () => {
    const records = synthetic(10_000);
    expect(synthetic(10_000)).toEqual(records); // deterministic
    // Listed, not summarised (tests/charts/scale.test.ts covers the summary above the table limit).
    const layout = layoutTimeline({ records, tableLimit: Infinity });
    expect(layout.binned).toBe(true);
    const bins = layout.marks.filter((m) => m.type === 'bin');
    expect(bins.length).toBe(layout.marks.length);
    expect(bins.length).toBeLessThan(2_000);
    expect(bins.reduce((n, b) => n + b.count!, 0)).toBe(10_000);
    for (const lane of layout.lanes) {
      expect(bins.filter((b) => b.lane === lane.id).reduce((n, b) => n + b.count!, 0)).toBe(lane.count);
    }
    expect(bins.every((b) => b.rect!.height >= 2 && /\d+ records?/.test(b.tip))).toBe(true);
    // Each bin leads to its table group, and the groups hold every record once.
    const groupIds = new Set(layout.table.groups.map((g) => g.id));
    expect(bins.every((b) => groupIds.has(b.group))).toBe(true);
    expect(tableIds(layout)).toHaveLength(10_000);
    expect(new Set(tableIds(layout)).size).toBe(10_000);
    expect(layout.description).toMatch(/too many to draw one by one/);
  });

  test('the lanes-by-platform view bins exactly when the by-kind view does, and its bars lead to that view’s rows', () => {
    // A claim on two platforms is one record and two marks by platform: 40 records, 80 marks.
    const records = Array.from({ length: 40 }, (_, i) => claim(`c-${i}`, `2019-${String(1 + (i % 12)).padStart(2, '0')}-10`, 'a', { platforms: ['telegram', 'tamtam'] }));
    const byKind = (threshold: number) => layoutTimeline({ records, tableLimit: Infinity, binThreshold: threshold });
    const byPlatform = (threshold: number) => layoutTimeline({ records, tableLimit: Infinity, binThreshold: threshold, groupBy: 'platform' });
    expect([byKind(50).binned, byPlatform(50).binned]).toEqual([false, false]);
    expect([byKind(30).binned, byPlatform(30).binned]).toEqual([true, true]);
    const groupIds = new Set(byKind(30).table.groups.map((g) => g.id));
    const bars = byPlatform(30).marks.filter((m) => m.type === 'bin');
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.filter((b) => !groupIds.has(b.group!)).map((b) => b.group)).toEqual([]);
  });

  test('the bin threshold is a parameter', () => {
    const records = synthetic(50);
    expect(layoutTimeline({ records, binThreshold: 40 }).binned).toBe(true);
    expect(layoutTimeline({ records, binThreshold: 400 }).binned).toBe(false);
  });

  test('a record whose date cannot be drawn is still in the table and counted', () => {
    const layout = layoutTimeline({ records: [statement('a', '2019-11-29'), statement('b', 'not a date')] });
    expect(tableIds(layout)).toEqual(['a', 'b']);
    expect(layout.description).toMatch(/1 record has a date that cannot be drawn/);
  });
});

describe('claims layout', () => {
  test('empty data', () => {
    const layout = layoutClaims({ records: [] });
    expect(layout.marks).toEqual([]);
    expect(layout.empty).toBeTruthy();
  });

  test('names the first claimant only when the dates tell which claim came first', () => {
    const firstTip = (records: ReturnType<typeof claim>[]) => layoutClaims({ records }).marks.find((m) => m.classes?.includes('dw-first-claim'))!.tip;
    const a = attack('a', '2019-11-29T13:58:00Z');
    const timed = [a, claim('c-late', '2019-11-30T10:00:00Z', 'a', { outlet: 'amaq' }), claim('c-early', '2019-11-29T20:00:00Z', 'a', { outlet: 'nashir' })];
    expect(firstTip(timed)).toMatch(/First claimed \+6 h 2 min after the attack, by islamic-state \(nashir\)$/);
    // Both dated to the same day: either may have been first.
    const sameDay = [a, claim('c-amaq', '2019-11-30', 'a', { outlet: 'amaq' }), claim('c-nashir', '2019-11-30', 'a', { outlet: 'nashir' })];
    expect(firstTip(sameDay)).toMatch(/the sources do not tell which came first: islamic-state \(amaq\) or islamic-state \(nashir\)$/);
  });

  test('an attack without claims is counted, not drawn', () => {
    const layout = layoutClaims({ records: [attack('a', '2019-11-29')] });
    expect(layout.marks).toEqual([]);
    expect(layout.description).toMatch(/no recorded claim/);
  });

  test('claims in time order with their latency from the attack', () => {
    const records = [attack('a', '2020-01-01T10:00:00Z'), claim('late', '2020-01-02T12:00:00Z', 'a'), claim('early', '2020-01-01T11:30:00Z', 'a')];
    const layout = layoutClaims({ records });
    const claims = layout.marks.filter((m) => m.lane === 'a' && m.recordId !== 'a');
    expect(claims.map((m) => m.recordId)).toEqual(['early', 'late']);
    expect(claims[0]!.label!.text).toMatch(/^\+1 h 30 min/);
    expect(claims[1]!.label!.text).toMatch(/^\+1 d 2 h/);
    expect(claims[0]!.x).toBeLessThan(claims[1]!.x);
    // The dot plot: one dot per claimed attack, standing for its first claim.
    const firsts = layout.marks.filter((m) => m.lane === 'first-claims');
    expect(firsts.map((m) => m.recordId)).toEqual(['early']);
  });

  test('a claim dated to the day has a latency range, drawn as a bar', () => {
    const layout = layoutClaims(caseStudy);
    const amaq = layout.marks.find((m) => m.recordId === 'claim-amaq-2019-11-30' && m.lane !== 'first-claims')!;
    expect(amaq.label!.text).toBe('+10 h 2 min to +1 d 10 h · Amaq News Agency · Telegram, TamTam');
    expect(amaq.span?.style).toBe('imprecise');
    expect(tableIds(layout)).toEqual(['fishmongers-hall-attack-2019', 'claim-amaq-2019-11-30', 'claim-nashir-tamtam-2019-11-30']);
  });

  test('many attacks: the per-attack panel is capped, the dot plot and table hold them all', () => {
    const records = Array.from({ length: 30 }, (_, i) => {
      const day = String(i + 1).padStart(2, '0');
      return [attack(`a${i}`, `2020-01-${day}T08:00:00Z`), claim(`c${i}`, `2020-01-${day}T${String(9 + (i % 12)).padStart(2, '0')}:00:00Z`, `a${i}`)];
    }).flat();
    const layout = layoutClaims({ records, maxAttacks: 5 });
    expect(layout.lanes.filter((l) => l.id !== 'first-claims')).toHaveLength(5);
    expect(layout.marks.filter((m) => m.lane === 'first-claims')).toHaveLength(30);
    expect(tableIds(layout)).toHaveLength(60);
  });
});

describe('takedowns layout', () => {
  test('a month too busy for a label per takedown is drawn as bars', () => {
    // 200 takedowns in one month, each with a scope label: one by one they overlapped by the hundred.
    const records = Array.from({ length: 200 }, (_, i) => takedown(`t-${i}`, `2019-11-${String(1 + (i % 30)).padStart(2, '0')}`, { platform: ['telegram', 'tamtam', 'facebook', 'twitter'][i % 4], scope: { count: 100 + i, unit: 'accounts' } }));
    const layout = layoutTakedowns({ records, summaryGrain: false });
    expect(layout.binned).toBe(true);
    expect(layout.marks.filter((m) => m.label)).toEqual([]);
    expect(layoutTakedowns({ records: records.slice(0, 100), summaryGrain: false }).binned).toBe(false);
  });

  test('empty data', () => {
    expect(layoutTakedowns({ records: [] }).empty).toBeTruthy();
  });

  test('area follows the count on a sqrt scale', () => {
    const layout = layoutTakedowns({ records: [takedown('big', '2020-01-01', { scope: { count: 400, unit: 'items', precision: 'exact' } }), takedown('small', '2020-02-01', { scope: { count: 100, unit: 'items', precision: 'exact' } })] });
    const size = (id: string) => {
      const d = layout.marks.find((m) => m.recordId === id)!.symbol!;
      const xs = [...d.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Math.abs(Number(m[0])));
      return Math.max(...xs);
    };
    // 4× the count → 2× the size.
    expect(size('big') / size('small')).toBeCloseTo(2, 1);
  });

  test('the case study: scopes drawn as they are known, never guessed', () => {
    const layout = layoutTakedowns(caseStudy);
    const mark = (id: string) => layout.marks.find((m) => m.recordId === id)!;
    expect(mark('referral-action-days-2019-11').classes).toEqual(expect.arrayContaining(['scope-at-least', 'outcome-referred', 'dw-initiator-law-enforcement-referral']));
    expect(mark('referral-action-days-2019-11').halo).toBeTruthy();
    expect(mark('referral-action-days-2019-11').label!.text).toBe('at least 26,000 items');
    expect(mark('telegram-bans-2019-11').classes).toEqual(expect.arrayContaining(['scope-approximate', 'outcome-removed']));
    expect(mark('tamtam-removals-2019-12').classes).toContain('scope-words');
    expect(mark('tamtam-removals-2019-12').label!.text).toBe('hundreds of accounts');
    expect(mark('tamtam-removals-2019-12').tip).toMatch(/^Scope: hundreds of accounts$/m);
    // Referred and removed look different; so do the initiators, in shape as well as colour.
    expect(mark('referral-action-days-2019-11').symbol).not.toBe(mark('telegram-bans-2019-11').symbol);
    expect(layout.lanes.map((l) => l.id)).toEqual(['telegram', 'tamtam']);
  });

  test('a migration is an arrow from its lane to the other', () => {
    const layout = layoutTakedowns(caseStudy);
    const arrow = layout.marks.find((m) => m.type === 'arrow')!;
    expect(arrow.recordId).toBe('migration-telegram-tamtam-2019-11');
    const telegram = layout.lanes.find((l) => l.id === 'telegram')!;
    const tamtam = layout.lanes.find((l) => l.id === 'tamtam')!;
    const start = arrow.path!.match(/^M(-?[\d.]+),(-?[\d.]+)/)!;
    expect(arrow.y + Number(start[2])).toBeGreaterThanOrEqual(telegram.y);
    expect(arrow.y + Number(start[2])).toBeLessThan(telegram.y + telegram.height);
    const headY = arrow.y + Number(arrow.head!.match(/^M-?[\d.]+,(-?[\d.]+)/)![1]);
    expect(headY).toBeGreaterThanOrEqual(tamtam.y);
    expect(arrow.tip).toMatch(/Set off by: Europol/);
  });

  test('scope words', () => {
    expect(formatScope({ text: 'hundreds', unit: 'accounts' })).toBe('hundreds of accounts');
    expect(formatScope({ count: 12, unit: 'channels' })).toBe('12 channels (precision unknown)');
    expect(formatScope(undefined)).toBe('');
  });
});
