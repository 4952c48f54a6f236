// Which rows of a long sectioned list to put in the DOM (windowing). The list is a column of
// sections, each a heading of `headingPx` followed by its rows of `rowPx`; only the rows that
// intersect the scrolled viewport (plus an overscan margin) and the rows that must stay (the
// selected one, the one holding focus) are rendered, with spacers of the exact skipped height in
// between, so the scroll height and every rendered row's position are as if all were rendered.

export interface WindowMetrics {
  readonly headingPx: number;
  readonly rowPx: number;
  /** The scroll container's scrollTop and visible height. */
  readonly scrollTop: number;
  readonly viewportPx: number;
  /** Extra height rendered above and below the viewport. */
  readonly overscanPx: number;
}

export interface RenderedRow {
  /** Index of the row in its section. */
  readonly row: number;
  /** Height of the rows skipped between the previous rendered row (or the heading) and this one. */
  readonly gapBeforePx: number;
}

export interface RenderedSection {
  readonly section: number;
  /** Height of the whole sections skipped since the previous rendered section (or the top). */
  readonly gapBeforePx: number;
  readonly rows: readonly RenderedRow[];
  /** Height of this section's rows after its last rendered row. */
  readonly gapAfterPx: number;
}

export interface ListWindow {
  readonly sections: readonly RenderedSection[];
  /** Height of the whole sections after the last rendered one. */
  readonly gapAfterPx: number;
  readonly totalPx: number;
}

/**
 * The sections and rows to render. `keep` holds rows (indices over all sections) rendered wherever
 * they are. A section is rendered (with its heading) when any of its rows is; a section whose
 * heading alone is in view is rendered with its heading only.
 */
export function listWindow(sectionSizes: readonly number[], m: WindowMetrics, keep: readonly number[] = []): ListWindow {
  const from = m.scrollTop - m.overscanPx;
  const to = m.scrollTop + m.viewportPx + m.overscanPx;
  const kept = new Set(keep);
  const sections: RenderedSection[] = [];
  let top = 0;
  let first = 0;
  let skipped = 0;
  for (let s = 0; s < sectionSizes.length; s++) {
    const size = sectionSizes[s]!;
    const height = m.headingPx + size * m.rowPx;
    const rowsTop = top + m.headingPx;
    // Rows of this section inside [from, to).
    const lo = Math.max(0, Math.floor((from - rowsTop) / m.rowPx));
    const hi = Math.min(size, Math.ceil((to - rowsTop) / m.rowPx));
    const indices = new Set<number>();
    for (let r = lo; r < hi; r++) indices.add(r);
    for (const k of kept) if (k >= first && k < first + size) indices.add(k - first);
    const headingInView = top < to && top + m.headingPx > from;
    if (indices.size || headingInView) {
      const rows: RenderedRow[] = [];
      let next = 0;
      for (const r of [...indices].sort((a, b) => a - b)) {
        rows.push({ row: r, gapBeforePx: (r - next) * m.rowPx });
        next = r + 1;
      }
      sections.push({ section: s, gapBeforePx: skipped, rows, gapAfterPx: (size - next) * m.rowPx });
      skipped = 0;
    } else {
      skipped += height;
    }
    top += height;
    first += size;
  }
  return { sections, gapAfterPx: skipped, totalPx: top };
}
