/**
 * Zoom and pan for a map inside <dw-chart> (element.ts): the geography (the shared outline,
 * circles and countries) is one group scaled as a whole; marks keep their size and move to where
 * their anchor (data-x, data-y) lands, and a ghost's line to its record stretches with them.
 * Browser code, no dependencies.
 */
const MAX_ZOOM = 64;

export class MapZoom {
  private z = 1;
  private tx = 0;
  private ty = 0;
  private readonly geography: SVGGElement | null;
  private readonly marks: SVGGElement[];
  private readonly svg: SVGSVGElement;

  constructor(svg: SVGSVGElement) {
    this.svg = svg;
    this.geography = svg.querySelector('.dw-map-zoom');
    this.marks = [...svg.querySelectorAll<SVGGElement>('.dw-map-marks > g')];
    for (const line of svg.querySelectorAll<SVGLineElement>('.dw-map-marks .dw-link')) {
      line.dataset.dx = line.getAttribute('x2') ?? '0';
      line.dataset.dy = line.getAttribute('y2') ?? '0';
    }
  }

  private get size(): { width: number; height: number } {
    const box = this.svg.viewBox.baseVal;
    return { width: box.width, height: box.height };
  }

  /** SVG user units per CSS pixel: the SVG scales with its container. */
  private unitsPerPixel(): number {
    return this.size.width / (this.svg.getBoundingClientRect().width || 1);
  }

  /** A point of the SVG under a pointer, in user units. */
  pointAt(clientX: number, clientY: number): [number, number] {
    const rect = this.svg.getBoundingClientRect();
    const u = this.unitsPerPixel();
    return [(clientX - rect.left) * u, (clientY - rect.top) * u];
  }

  /** Zooms by `factor` (2: twice as close) around a user-space point, a mark's anchor, or the middle. */
  by(factor: number, around?: Element, at?: [number, number]): void {
    const { width, height } = this.size;
    const [cx, cy] = at ?? (around ? this.anchorOnScreen(around) : [width / 2, height / 2]);
    const z = Math.min(MAX_ZOOM, Math.max(1, this.z * factor));
    const k = z / this.z;
    this.set(z, cx - (cx - this.tx) * k, cy - (cy - this.ty) * k);
  }

  panBy(dxPixels: number, dyPixels: number): void {
    const u = this.unitsPerPixel();
    this.set(this.z, this.tx + dxPixels * u, this.ty + dyPixels * u);
  }

  reset(): void {
    this.set(1, 0, 0);
  }

  /** Pans so that a mark reached by keyboard is in view. */
  reveal(mark: Element): void {
    const [x, y] = this.anchorOnScreen(mark);
    const { width, height } = this.size;
    if (x >= 0 && x <= width && y >= 0 && y <= height) return;
    this.set(this.z, this.tx + width / 2 - x, this.ty + height / 2 - y);
  }

  private anchorOnScreen(mark: Element): [number, number] {
    const el = mark as SVGElement;
    return [Number(el.dataset.x ?? 0) * this.z + this.tx, Number(el.dataset.y ?? 0) * this.z + this.ty];
  }

  private set(z: number, tx: number, ty: number): void {
    const { width, height } = this.size;
    // Keep some of the map in view: never pan the drawing wholly out of the frame.
    this.z = z;
    this.tx = Math.min(width / 2, Math.max(width / 2 - width * z, tx));
    this.ty = Math.min(height / 2, Math.max(height / 2 - height * z, ty));
    const round = (n: number) => Math.round(n * 10) / 10;
    this.geography?.setAttribute('transform', `translate(${round(this.tx)},${round(this.ty)}) scale(${round(this.z * 1000) / 1000})`);
    for (const mark of this.marks) {
      mark.setAttribute('transform', `translate(${round(Number(mark.dataset.x) * this.z + this.tx)},${round(Number(mark.dataset.y) * this.z + this.ty)})`);
      const line = mark.querySelector<SVGLineElement>('.dw-link');
      if (line) {
        line.setAttribute('x2', String(round(Number(line.dataset.dx) * this.z)));
        line.setAttribute('y2', String(round(Number(line.dataset.dy) * this.z)));
      }
    }
  }
}
