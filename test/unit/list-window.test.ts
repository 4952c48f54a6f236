import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listWindow, type ListWindow } from '../../src/core/roles/list-window';

const metrics = { headingPx: 30, rowPx: 40, scrollTop: 0, viewportPx: 200, overscanPx: 0 };

/** The rendered rows as indices over all sections. */
const renderedRows = (sizes: number[], w: ListWindow): number[] => {
  const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
  return w.sections.flatMap((s) => s.rows.map((r) => starts[s.section]! + r.row));
};

/** Top and bottom of a row (index over all sections), as if every row were rendered. */
const rowBounds = (sizes: number[], index: number, m = metrics) => {
  let top = 0;
  let left = index;
  for (const size of sizes) {
    if (left < size) return { top: top + m.headingPx + left * m.rowPx, bottom: top + m.headingPx + (left + 1) * m.rowPx };
    top += m.headingPx + size * m.rowPx;
    left -= size;
  }
  return undefined;
};

/** Heights of everything, rendered or spacer: what the scroll container's content measures. */
const height = (sizes: number[], w: ListWindow, m = metrics): number =>
  w.gapAfterPx + w.sections.reduce((sum, s) => sum + s.gapBeforePx + m.headingPx + s.rows.reduce((a, r) => a + r.gapBeforePx + m.rowPx, 0) + s.gapAfterPx, 0);

describe('list window', () => {
  it('renders only the rows in view of a long section, with the rest as spacers', () => {
    const sizes = [2_000];
    const w = listWindow(sizes, { ...metrics, scrollTop: 40_000 });
    // Rows 999 (partly under the top edge) to 1004 intersect [40000, 40200).
    expect(renderedRows(sizes, w)).toEqual([999, 1000, 1001, 1002, 1003, 1004]);
    expect(w.sections[0]!.rows[0]!.gapBeforePx).toBe(999 * 40);
    expect(height(sizes, w)).toBe(w.totalPx);
    expect(w.totalPx).toBe(30 + 2_000 * 40);
  });

  it('always renders the kept rows, wherever they are, in order', () => {
    const sizes = [10, 500, 10];
    const w = listWindow(sizes, metrics, [515, 3]);
    const rows = renderedRows(sizes, w);
    expect(rows).toContain(515);
    expect(rows).toContain(3);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(w.sections.map((s) => s.section)).toEqual([0, 2]);
    expect(height(sizes, w)).toBe(w.totalPx);
  });

  it('skips whole sections out of view and renders a section whose heading alone is in view', () => {
    const sizes = [3, 3, 3, 3];
    // Section 2 starts at 2 × 150 = 300; viewport [290, 310) shows the last row of 1 and heading of 2.
    const w = listWindow(sizes, { ...metrics, scrollTop: 290, viewportPx: 20 });
    expect(w.sections.map((s) => [s.section, s.rows.map((r) => r.row)])).toEqual([
      [1, [2]],
      [2, []],
    ]);
    expect(w.sections[0]!.gapBeforePx).toBe(150);
    expect(w.gapAfterPx).toBe(150);
    expect(height(sizes, w)).toBe(w.totalPx);
  });

  it('keeps the total height and renders every row in view, for any list and scroll position', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }),
        fc.nat({ max: 30_000 }),
        fc.array(fc.nat({ max: 700 }), { maxLength: 3 }),
        (sizes, scrollTop, keep) => {
          const total = sizes.reduce((a, b) => a + b, 0);
          const m = { ...metrics, scrollTop, overscanPx: 50 };
          const w = listWindow(sizes, m, keep);
          expect(height(sizes, w, m)).toBeCloseTo(w.totalPx, 6);
          const rows = new Set(renderedRows(sizes, w));
          for (const k of keep) if (k < total) expect(rows.has(k)).toBe(true);
          for (let i = 0; i < total; i++) {
            const b = rowBounds(sizes, i, m)!;
            const inView = b.bottom > scrollTop - 50 && b.top < scrollTop + 200 + 50;
            if (inView) expect(rows.has(i)).toBe(true);
          }
          // Never much more than the viewport: a window, not the list.
          expect(rows.size).toBeLessThanOrEqual(Math.ceil(300 / 40) + 2 + keep.length);
        },
      ),
    );
  });
});
