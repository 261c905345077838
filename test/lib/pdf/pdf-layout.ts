/**
 * What a PDF puts where, read back from its bytes (pdf-layout-child.js), and the layout faults a
 * reader would see: text printed over text, text running over a cell's rule, text off the page,
 * and empty boxes (the .notdef glyph, code 0 of an embedded font).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface Run { str: string; x: number; y: number; width: number; size: number }
export interface Rect { x: number; y: number; width: number; height: number }
export interface Glyph { font: string; code: number; unicode: string }
export interface Page { width: number; height: number; runs: Run[]; glyphs: Glyph[]; boxes: Rect[] }

/** The pages of each PDF, read in one child process. */
export function readPdfs(pdfs: Buffer[]): Page[][] {
  if (pdfs.length === 0) return [];
  const out = execFileSync(process.execPath, [join(__dirname, 'pdf-layout-child.js')], {
    input: JSON.stringify(pdfs.map((b) => b.toString('base64'))), cwd: join(__dirname, '../../..'), maxBuffer: 512 << 20,
  });
  return JSON.parse(out.toString('utf8')) as Page[][];
}

/** The em box of a run: the fonts' ideographic em box is 0.88 above and 0.12 below the baseline. */
export function runBox(r: Run): Rect {
  return { x: r.x, y: r.y - 0.12 * r.size, width: r.width, height: r.size };
}

/** Overlap of two rectangles along x and along y (negative: apart). */
function overlap(a: Rect, b: Rect): [number, number] {
  return [Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x), Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)];
}

/** Slack for rounding: runs that touch, or a rule through the very edge of a glyph box, are not faults. */
const TOLERANCE = 0.5;

const inside = (inner: Rect, outer: Rect) => inner.x >= outer.x - TOLERANCE && inner.y >= outer.y - TOLERANCE
  && inner.x + inner.width <= outer.x + outer.width + TOLERANCE && inner.y + inner.height <= outer.y + outer.height + TOLERANCE;

const name = (r: Run) => JSON.stringify(r.str.length > 24 ? `${r.str.slice(0, 24)}…` : r.str);

/** Every fault of one page's layout, described for a failure message. */
export function layoutProblems(page: Page): string[] {
  const out: string[] = [];
  const runs = page.runs.map((r) => ({ r, box: runBox(r) }));
  const sheet = { x: 0, y: 0, width: page.width, height: page.height };
  runs.forEach(({ r, box }, i) => {
    if (!inside(box, sheet)) out.push(`${name(r)} runs off the page`);
    for (const other of runs.slice(i + 1)) {
      const [dx, dy] = overlap(box, other.box);
      if (dx > TOLERANCE && dy > TOLERANCE) out.push(`${name(r)} overlaps ${name(other.r)}`);
    }
    // A ruled cell either holds the run or stays clear of it: text never crosses a rule.
    for (const cell of page.boxes.filter((b) => b.width > 2 && b.height > 2)) {
      const [dx, dy] = overlap(box, cell);
      if (dx > TOLERANCE && dy > TOLERANCE && !inside(box, cell)) out.push(`${name(r)} crosses the rule of a cell at (${cell.x}, ${cell.y})`);
    }
  });
  return out;
}

/** The glyphs shown as an empty box (.notdef). */
export const notdefGlyphs = (page: Page): Glyph[] => page.glyphs.filter((g) => g.code === 0);
