/**
 * <dw-chart>: interaction on top of a chart that is already complete without it.
 * - a tooltip (role="tooltip") on hover and on keyboard focus, from each mark's <title>;
 * - one tab stop per chart; arrow keys move between marks (left/right in order, up/down to the
 *   nearest mark of the next lane), Home/End, Enter follows the mark's link (`data-href`; without
 *   one, the link of its record's row in the chart's table, or its record's card: `#record-<id>`
 *   on this page or on `data-record-page`);
 * - zoom and pan on time charts (Ctrl/⌘ + wheel, drag, pinch, +/−/0 keys and buttons), recomputing x
 *   from the plain scale object the server wrote into data-scale; ticks come from the same
 *   module the server used;
 * - zoom and pan on maps (map/zoom.ts: the same keys, buttons and gestures);
 * - filters (checkboxes named after the data attribute they filter on: lane, year, kind);
 * Nothing animates, so prefers-reduced-motion needs no special case here (CSS honours it).
 * Kept lean on purpose: the only dependency is d3-time, through ticks.ts.
 */
import { timeTicks } from './ticks.ts';
import { MapZoom } from '../map/zoom.ts';
import { laneAt } from './lane-at.ts';
import type { ExposedScale } from './types.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** A mark: one with a link, or one standing for a record, whose link is the record's card. */
const MARK = 'g[data-href], g[data-record]';

/** The charts on the page, for the one Escape listener that hides their tooltips. */
const charts = new Set<{ hideTip(): void }>();
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') for (const chart of charts) chart.hideTip();
});
const MIN_SPAN = 3_600_000; // zooming past an hour shows nothing the data knows

/** The y of a mark's anchor, from its `translate(x,y)`. */
function anchorYOf(g: Element): number {
  const match = /translate\(\s*[-\d.e]+[ ,]\s*([-\d.e]+)\)/.exec(g.getAttribute('transform') ?? '');
  return Number(match?.[1] ?? 0);
}

/**
 * Gives every mark (a <g> in the plot) its data-lane, which the build leaves off a mark whose
 * lane is the band it lies in (marks-svg.ts), for the lane filters and arrow keys: read from the
 * lane bands by the same rule (lane-at.ts). An empty data-lane says the mark is in no lane.
 */
function fillLanes(svg: SVGSVGElement): void {
  const bands = [...svg.querySelectorAll<SVGGElement>('.dw-lanes > .dw-lane')].map((lane) => {
    const band = lane.querySelector('.dw-lane-band');
    return { id: lane.dataset.lane ?? '', y: Number(band?.getAttribute('y')), height: Number(band?.getAttribute('height')) };
  });
  for (const mark of svg.querySelectorAll<SVGGElement>('.dw-plot > g')) {
    if (mark.dataset.lane === '') mark.removeAttribute('data-lane');
    else if (mark.dataset.lane === undefined) {
      const lane = laneAt(bands, anchorYOf(mark));
      if (lane !== undefined) mark.dataset.lane = lane;
    }
  }
}
let uid = 0;

class DwChart extends HTMLElement {
  private svg?: SVGSVGElement;
  private marks: SVGGElement[] = [];
  private active = 0;
  private tip?: HTMLDivElement;
  private base?: ExposedScale;
  private domain: [number, number] = [0, 1];
  private anchorY = new Map<Element, number>();
  private pointers = new Map<number, { x: number; y: number }>();
  private moved = 0;
  private map?: MapZoom;

  connectedCallback(): void {
    const svg = this.querySelector<SVGSVGElement>('svg.dw-svg');
    if (!svg || this.svg) return;
    this.svg = svg;
    this.marks = [...svg.querySelectorAll<SVGGElement>(MARK)];
    fillLanes(svg);
    for (const mark of this.marks) {
      // The <title> serves readers without JavaScript; with it, our tooltip replaces the native one.
      const title = mark.querySelector(':scope > title');
      mark.dataset.tip = title?.textContent ?? '';
      title?.remove();
      mark.setAttribute('tabindex', '-1');
      // A focusable mark needs a role that may carry a name: the SVG graphics role for a symbol.
      mark.setAttribute('role', 'graphics-symbol');
      mark.setAttribute('aria-label', mark.dataset.tip.split('\n').join('. '));
    }
    this.marks[0]?.setAttribute('tabindex', '0');
    // With focusable marks inside, the chart is no longer one image: ARIA treats an image's
    // children as presentational, and some screen readers would drop the marks.
    if (this.marks.length > 0) svg.setAttribute('role', 'group');

    const tip = document.createElement('div');
    tip.className = 'dw-tooltip';
    tip.id = `dw-tip-${++uid}`;
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    this.append(tip);
    this.tip = tip;

    svg.addEventListener('pointerover', (e) => this.markOf(e.target) && this.showTip(this.markOf(e.target)!));
    // The tooltip lets the pointer through (it sits over the next lane's marks), so it hides as
    // the pointer leaves the mark; Escape dismisses it wherever focus is (WCAG 1.4.13).
    svg.addEventListener('pointerout', (e) => !this.markOf(e.relatedTarget) && this.hideTip());
    charts.add(this);
    svg.addEventListener('focusin', (e) => {
      const mark = this.markOf(e.target);
      if (mark) this.showTip(mark);
    });
    svg.addEventListener('focusout', () => this.hideTip());
    svg.addEventListener('keydown', (e) => this.onKey(e));

    // A link to a record's row (`#timeline-record-…`, where records with no write-up are shown)
    // leads into the table, which is folded away: open it and go there.
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const folded = target && this.contains(target) ? target.closest('details') : null;
    if (folded) {
      folded.open = true;
      target!.scrollIntoView({ block: 'center' });
    }

    const controls = this.querySelector<HTMLElement>('.dw-controls');
    if (controls) controls.hidden = false;
    this.querySelectorAll<HTMLInputElement>('.dw-filters input').forEach((box) => box.addEventListener('change', () => this.applyFilters()));

    const scale = svg.dataset.scale;
    if (this.dataset.zoomable === 'map') this.enableMapZoom(svg);
    else if (this.dataset.zoomable && scale) this.enableZoom(JSON.parse(scale) as ExposedScale);
    svg.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    svg.addEventListener('pointermove', (e) => this.onPointerMove(e));
    svg.addEventListener('pointerup', (e) => this.onPointerUp(e));
    svg.addEventListener('pointercancel', (e) => this.pointers.delete(e.pointerId));
  }

  private markOf(target: EventTarget | null): SVGGElement | undefined {
    const el = target instanceof Element ? target.closest(MARK) : null;
    return el instanceof SVGGElement && this.marks.includes(el) ? el : undefined;
  }

  private visibleMarks(): SVGGElement[] {
    return this.marks.filter((m) => !m.classList.contains('is-hidden'));
  }

  // Tooltip -----------------------------------------------------------------------------------

  private showTip(mark: SVGGElement): void {
    if (!this.tip) return;
    this.tip.textContent = mark.dataset.tip ?? '';
    this.tip.hidden = false;
    mark.setAttribute('aria-describedby', this.tip.id);
    const box = mark.getBoundingClientRect();
    const host = this.getBoundingClientRect();
    const tipWidth = this.tip.offsetWidth;
    const left = Math.min(Math.max(0, box.left - host.left + box.width / 2 - tipWidth / 2), Math.max(0, host.width - tipWidth));
    this.tip.style.left = `${left}px`; // CSSOM from a script is allowed by a CSP without 'unsafe-inline'
    this.tip.style.top = `${box.bottom - host.top + 8}px`;
  }

  hideTip(): void {
    if (this.tip) this.tip.hidden = true;
  }

  disconnectedCallback(): void {
    charts.delete(this);
  }

  // Keyboard ----------------------------------------------------------------------------------

  private focusMark(mark: SVGGElement | undefined): void {
    if (!mark) return;
    for (const m of this.marks) m.setAttribute('tabindex', m === mark ? '0' : '-1');
    this.active = this.marks.indexOf(mark);
    this.bringIntoView(mark);
    mark.focus();
  }

  /** Zoomed in, pans so that a mark reached by keyboard is in view, not drawn off the chart. */
  private bringIntoView(mark: SVGGElement): void {
    this.map?.reveal(mark);
    if (!this.base || !mark.dataset.t) return;
    const t = Number(mark.dataset.t);
    const [d0, d1] = this.domain;
    if (t >= d0 && t <= d1) return;
    const span = d1 - d0;
    this.setDomain(t - span / 2, t + span / 2);
  }

  private onKey(e: KeyboardEvent): void {
    const visible = this.visibleMarks();
    const current = this.marks[this.active];
    const i = current ? visible.indexOf(current) : -1;
    // From the chart itself (a browser may stop there before the first mark), an arrow goes to
    // the mark that holds the chart's tab stop, rather than past it.
    if (/^Arrow|^Home$|^End$/.test(e.key) && !this.markOf(e.target) && current) {
      this.focusMark(current);
      e.preventDefault();
      return;
    }
    switch (e.key) {
      case 'ArrowRight':
        this.focusMark(visible[Math.min(visible.length - 1, i + 1)]);
        break;
      case 'ArrowLeft':
        this.focusMark(visible[Math.max(0, i - 1)]);
        break;
      case 'ArrowDown':
      case 'ArrowUp':
        if (current && this.map) this.focusMark(this.nearestVertically(current, visible, e.key === 'ArrowDown' ? 1 : -1));
        else if (current) this.focusMark(this.nearestInNextLane(current, visible, e.key === 'ArrowDown' ? 1 : -1));
        break;
      case 'Home':
        this.focusMark(visible[0]);
        break;
      case 'End':
        this.focusMark(visible.at(-1));
        break;
      case 'Enter':
        if (current) this.follow(current);
        break;
      case 'Escape':
        this.hideTip();
        break;
      case '+':
      case '=':
        if (this.map) this.map.by(2, current);
        else this.zoomBy(0.5, current);
        break;
      case '-':
      case '_':
        if (this.map) this.map.by(0.5, current);
        else this.zoomBy(2, current);
        break;
      case '0':
        if (this.map) this.map.reset();
        else this.resetZoom();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  private nearestInNextLane(from: SVGGElement, visible: SVGGElement[], step: 1 | -1): SVGGElement | undefined {
    const lanes = [...new Set(visible.map((m) => m.dataset.lane))];
    const lane = lanes[lanes.indexOf(from.dataset.lane) + step];
    if (lane === undefined) return from;
    const x = from.getBoundingClientRect().left;
    let best: SVGGElement | undefined;
    let distance = Infinity;
    for (const m of visible) {
      if (m.dataset.lane !== lane) continue;
      const d = Math.abs(m.getBoundingClientRect().left - x);
      if (d < distance) [best, distance] = [m, d];
    }
    return best;
  }

  /** On a map: the nearest mark below (1) or above (-1), by where the marks are drawn. */
  private nearestVertically(from: SVGGElement, visible: SVGGElement[], step: 1 | -1): SVGGElement {
    const centre = (m: Element) => {
      const box = m.getBoundingClientRect();
      return [box.left + box.width / 2, box.top + box.height / 2] as const;
    };
    const [x, y] = centre(from);
    let best = from;
    let distance = Infinity;
    for (const m of visible) {
      const [mx, my] = centre(m);
      if (m === from || (my - y) * step <= 0) continue;
      const d = Math.hypot(mx - x, (my - y) * 2);
      if (d < distance) [best, distance] = [m, d];
    }
    return best;
  }

  /** The link of a record's row in this chart's data table, which the build leaves off its mark (marks-svg.ts). */
  private rowLink(record: string): string | undefined {
    return this.querySelector(`.dw-table tr[data-record="${CSS.escape(record)}"] a[href]`)?.getAttribute('href') ?? undefined;
  }

  private follow(mark: SVGGElement): void {
    // No data-href: the mark leads where its row in the table does, or to its record's card, on
    // this page or the one the chart is from.
    const page = this.closest<HTMLElement>('[data-record-page]')?.dataset.recordPage ?? '';
    const record = mark.dataset.record;
    const href = mark.dataset.href ?? (record ? (this.rowLink(record) ?? `${page}#record-${record}`) : undefined);
    if (!href) return;
    if (href.startsWith('#')) {
      // A bin leads to its rows in the data table: open the table first.
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      const details = target?.closest('details');
      if (details) details.open = true;
    }
    // In an embed, a record opens in the page around the frame, not inside it.
    if (window.top !== window) window.open(href, '_top');
    else location.assign(href);
  }

  // Filters ------------------------------------------------------------------------------------

  /** Hides what any unticked box names: its name is the data attribute (lane when unnamed), its value the value. */
  private applyFilters(): void {
    const off = [...this.querySelectorAll<HTMLInputElement>('.dw-filters input')].filter((box) => !box.checked).map((box) => [box.name || 'lane', box.value] as const);
    this.svg?.querySelectorAll<SVGElement>('[data-lane], [data-year], [data-kind]').forEach((el) => el.classList.toggle('is-hidden', off.some(([name, value]) => el.dataset[name] === value)));
    const current = this.marks[this.active];
    if (current?.classList.contains('is-hidden')) {
      const next = this.visibleMarks()[0];
      if (next) for (const m of this.marks) m.setAttribute('tabindex', m === next ? '0' : '-1');
      if (next) this.active = this.marks.indexOf(next);
    }
  }

  // Zoom and pan ------------------------------------------------------------------------------

  private enableMapZoom(svg: SVGSVGElement): void {
    const map = (this.map = new MapZoom(svg));
    this.querySelectorAll<HTMLButtonElement>('[data-zoom]').forEach((button) =>
      button.addEventListener('click', () => {
        const action = button.dataset.zoom;
        if (action === 'reset') map.reset();
        else map.by(action === 'in' ? 2 : 0.5);
      }),
    );
    svg.addEventListener(
      'wheel',
      (e) => {
        // As on time charts: the wheel scrolls the page; Ctrl or ⌘ (and a pinch) zooms.
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        map.by(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), undefined, map.pointAt(e.clientX, e.clientY));
      },
      { passive: false },
    );
  }

  private enableZoom(scale: ExposedScale): void {
    this.base = scale;
    this.domain = [...scale.domain];
    for (const g of this.svg!.querySelectorAll('.dw-plot g[data-t]')) this.anchorY.set(g, anchorYOf(g));
    this.querySelectorAll<HTMLButtonElement>('[data-zoom]').forEach((button) =>
      button.addEventListener('click', () => {
        const action = button.dataset.zoom;
        if (action === 'reset') this.resetZoom();
        else this.zoomBy(action === 'in' ? 0.5 : 2);
      }),
    );
    this.svg!.addEventListener(
      'wheel',
      (e) => {
        // The wheel scrolls the page: a chart as wide as the page would trap it. Ctrl (or ⌘) with
        // the wheel zooms, as does a trackpad pinch, which browsers send as a wheel with ctrlKey.
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        this.zoomBy(Math.exp(e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), undefined, this.timeAt(e.clientX));
      },
      { passive: false },
    );
  }

  /** SVG user units per CSS pixel: the SVG scales with its container. */
  private unitsPerPixel(): number {
    const svg = this.svg!;
    return svg.viewBox.baseVal.width / (svg.getBoundingClientRect().width || 1);
  }

  private timeAt(clientX: number): number {
    const svg = this.svg!;
    const x = (clientX - svg.getBoundingClientRect().left) * this.unitsPerPixel();
    const [r0, r1] = this.base!.range;
    return this.domain[0] + ((x - r0) / (r1 - r0)) * (this.domain[1] - this.domain[0]);
  }

  /**
   * Where the buttons zoom: the middle of the marks in view (their median time), not the middle
   * of the view, which on a sparse timeline is often empty.
   */
  private middleOfMarks(d0: number, d1: number): number | undefined {
    const times: number[] = [];
    for (const g of this.anchorY.keys()) {
      const t = Number((g as SVGElement).dataset.t);
      if (t >= d0 && t <= d1 && !(g as SVGElement).closest('.is-hidden')) times.push(t);
    }
    times.sort((a, b) => a - b);
    return times.length ? times[times.length >> 1] : undefined;
  }

  private zoomBy(factor: number, around?: SVGGElement, at?: number): void {
    if (!this.base) return;
    const [d0, d1] = this.domain;
    const centre = at ?? (around?.dataset.t ? Number(around.dataset.t) : (this.middleOfMarks(d0, d1) ?? (d0 + d1) / 2));
    const full = this.base.domain[1] - this.base.domain[0];
    const span = Math.min(full, Math.max(MIN_SPAN, (d1 - d0) * factor));
    const k = span / (d1 - d0);
    this.setDomain(centre - (centre - d0) * k, centre - (centre - d0) * k + span);
  }

  private resetZoom(): void {
    if (this.base) this.setDomain(...this.base.domain);
  }

  private setDomain(start: number, end: number): void {
    const [b0, b1] = this.base!.domain;
    const span = end - start;
    // Keep the view inside the data's span: panning past the ends shows nothing.
    const lo = Math.min(Math.max(start, b0), b1 - span);
    this.domain = [lo, lo + span];
    this.redraw();
  }

  private x(t: number): number {
    const [r0, r1] = this.base!.range;
    const [d0, d1] = this.domain;
    return r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
  }

  private redraw(): void {
    const svg = this.svg!;
    const round = (n: number) => Math.round(n * 10) / 10;
    for (const [g, y] of this.anchorY) {
      const t = Number((g as SVGElement).dataset.t);
      const x = this.x(t);
      g.setAttribute('transform', `translate(${round(x)},${y})`);
      for (const part of g.querySelectorAll<SVGElement>('[data-t1]')) {
        const t1 = Number(part.dataset.t1);
        if (part.tagName === 'line') {
          part.setAttribute('x2', String(round(this.x(t1) - x)));
        } else {
          const t0 = Number(part.dataset.t0 ?? t);
          part.setAttribute('x', String(round(this.x(t0) - x)));
          part.setAttribute('width', String(Math.max(1, round(this.x(t1) - this.x(t0)))));
        }
      }
    }
    const axis = svg.querySelector<SVGGElement>('.dw-axis.is-zoomable');
    if (!axis) return;
    axis.querySelectorAll('.dw-tick').forEach((t) => t.remove());
    const y = Number(axis.dataset.y);
    const top = Number(axis.dataset.top);
    for (const tick of timeTicks({ ...this.base!, domain: this.domain })) {
      const g = document.createElementNS(SVG_NS, 'g');
      g.setAttribute('class', 'dw-tick');
      g.setAttribute('transform', `translate(${tick.x},0)`);
      const line = document.createElementNS(SVG_NS, 'line');
      line.setAttribute('class', 'dw-grid');
      line.setAttribute('y1', String(top));
      line.setAttribute('y2', String(y));
      const text = document.createElementNS(SVG_NS, 'text');
      text.setAttribute('class', 'dw-tick-label');
      text.setAttribute('y', String(y + 16));
      text.setAttribute('text-anchor', tick.anchor ?? 'middle');
      text.textContent = tick.label;
      g.append(line, text);
      axis.append(g);
    }
  }

  // Pointer: click to follow, drag to pan, two fingers to pinch ----------------------------------

  private onPointerDown(e: PointerEvent): void {
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.moved = 0;
    if (this.base || this.map) this.svg!.setPointerCapture?.(e.pointerId);
  }

  private onPointerMove(e: PointerEvent): void {
    const last = this.pointers.get(e.pointerId);
    if (!last) return;
    const dx = e.clientX - last.x;
    this.moved += Math.abs(dx) + Math.abs(e.clientY - last.y);
    if (this.map) {
      const other = [...this.pointers.entries()].find(([id]) => id !== e.pointerId)?.[1];
      if (other) {
        const before = Math.hypot(last.x - other.x, last.y - other.y) || 1;
        const after = Math.hypot(e.clientX - other.x, e.clientY - other.y) || 1;
        this.map.by(after / before, undefined, this.map.pointAt((e.clientX + other.x) / 2, (e.clientY + other.y) / 2));
      } else if (this.moved > 4) this.map.panBy(dx, e.clientY - last.y);
    } else if (this.base && this.pointers.size === 2) {
      const other = [...this.pointers.entries()].find(([id]) => id !== e.pointerId)?.[1];
      if (other) {
        const before = Math.abs(last.x - other.x) || 1;
        const after = Math.abs(e.clientX - other.x) || 1;
        this.zoomBy(before / after, undefined, this.timeAt((e.clientX + other.x) / 2));
      }
    } else if (this.base && this.moved > 4) {
      const [r0, r1] = this.base.range;
      const dt = (dx * this.unitsPerPixel() * (this.domain[1] - this.domain[0])) / (r1 - r0);
      this.setDomain(this.domain[0] - dt, this.domain[1] - dt);
    }
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  }

  private onPointerUp(e: PointerEvent): void {
    const wasClick = this.pointers.size === 1 && this.moved <= 4;
    this.pointers.delete(e.pointerId);
    const target = document.elementFromPoint(e.clientX, e.clientY);
    const mark = this.markOf(target);
    if (wasClick && mark) this.follow(mark);
  }
}

if (!customElements.get('dw-chart')) customElements.define('dw-chart', DwChart);
