import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { listWindow, type ListWindow } from '../../../core/roles/list-window';
import type { RoleSection } from '../../../core/roles/sections';
import type { SamlRole } from '../../../core/saml/decode';

/** From this many rows on, only the rows in view (and the selected and focused ones) are in the DOM. */
const WINDOW_FROM = 100;
const OVERSCAN_PX = 160;
/** Until the first rows are measured; the list's max-height (32rem) for the viewport. */
const ESTIMATE = { headingPx: 32, rowPx: 38, viewportPx: 512 };

/** Every row, no spacers: lists short enough to render whole. */
const wholeList = (sizes: readonly number[]): ListWindow => ({
  sections: sizes.map((size, section) => ({ section, gapBeforePx: 0, rows: Array.from({ length: size }, (_, row) => ({ row, gapBeforePx: 0 })), gapAfterPx: 0 })),
  gapAfterPx: 0,
  totalPx: 0,
});

/**
 * Which rows of the role list are in the DOM (all of a short list; those in view, the selected
 * and the focused ones of a long one), measured as the page's fonts and zoom make them, and the
 * selected row kept in view as the selection or the query changes.
 */
export function useListWindow(input: {
  sections: readonly RoleSection<SamlRole>[];
  selectedArn: string | undefined;
  query: string;
  radioId: (roleArn: string) => string;
}) {
  const { sections, selectedArn, query } = input;
  const listRef = useRef<HTMLFieldSetElement>(null);
  const [metrics, setMetrics] = useState({ ...ESTIMATE, scrollTop: 0 });
  const [focusedArn, setFocusedArn] = useState<string>();
  const focusSelected = useRef(false);
  const revealed = useRef<{ arn?: string; query?: string }>({});
  const sizes = useMemo(() => sections.map((s) => s.rows.length), [sections]);
  const starts = useMemo(() => sizes.reduce<number[]>((acc, _, i) => (acc.push(i ? acc[i - 1]! + sizes[i - 1]! : 0), acc), []), [sizes]);
  const total = sizes.reduce((a, b) => a + b, 0);
  const windowed = total >= WINDOW_FROM;
  const indexOf = (arn: string | undefined): number => {
    if (arn === undefined) return -1;
    for (let s = 0; s < sections.length; s++) {
      const r = sections[s]!.rows.findIndex((row) => row.role.roleArn === arn);
      if (r >= 0) return starts[s]! + r;
    }
    return -1;
  };
  const keep = windowed ? [indexOf(selectedArn), indexOf(focusedArn)].filter((i) => i >= 0) : [];
  const view = windowed ? listWindow(sizes, { ...metrics, overscanPx: OVERSCAN_PX }, keep) : wholeList(sizes);

  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const heading = list.querySelector<HTMLElement>('.account-heading');
    const headingPx = heading?.getBoundingClientRect().height || metrics.headingPx;
    if (windowed) {
      // Heights as the page's fonts and zoom make them; the estimate only serves the first frame.
      const rowPx = list.querySelector<HTMLElement>('.role')?.getBoundingClientRect().height || metrics.rowPx;
      const viewportPx = list.clientHeight || metrics.viewportPx;
      const moved = (a: number, b: number) => Math.abs(a - b) > 0.25;
      if (moved(rowPx, metrics.rowPx) || moved(headingPx, metrics.headingPx) || moved(viewportPx, metrics.viewportPx)) {
        setMetrics((m) => ({ ...m, rowPx, headingPx, viewportPx }));
      }
    }
    const radio = selectedArn ? (document.getElementById(input.radioId(selectedArn)) as HTMLInputElement | null) : null;
    if (focusSelected.current && radio) {
      focusSelected.current = false;
      radio.focus({ preventScroll: true });
    }
    // Bring the selected row into view when the selection or the query changes (not when a pin or a
    // name rearranges the list under a user who scrolled away), scrolling the list only, never the page.
    if (revealed.current.arn === selectedArn && revealed.current.query === query) return;
    revealed.current = { arn: selectedArn, query };
    const row = radio?.closest<HTMLElement>('.role');
    if (!row) return;
    const top = row.getBoundingClientRect().top - list.getBoundingClientRect().top - list.clientTop + list.scrollTop;
    const bottom = top + row.getBoundingClientRect().height;
    // The sticky heading covers the top of the list.
    if (top - headingPx < list.scrollTop) list.scrollTop = Math.max(0, top - headingPx);
    else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
  });

  return {
    listRef,
    view,
    windowed,
    /** Each section's first row's place in the whole list, and the list's length. */
    starts,
    total,
    /** Rows a Page Up/Down moves by: a list's height, less one row. */
    pageRows: Math.max(1, Math.floor(metrics.viewportPx / metrics.rowPx) - 1),
    /** The next render focuses the selected row's radio (keys moved the selection). */
    focusSelectedNext: () => {
      focusSelected.current = true;
    },
    onFocusIn: (event: FocusEvent) => {
      const arn = (event.target as HTMLElement).closest<HTMLElement>('.role')?.dataset.arn;
      if (windowed && arn !== focusedArn) setFocusedArn(arn);
    },
    onFocusOut: (event: FocusEvent) => {
      if (windowed && !listRef.current?.contains(event.relatedTarget as Node | null)) setFocusedArn(undefined);
    },
    onScroll: () => {
      const list = listRef.current;
      if (windowed && list) setMetrics((m) => ({ ...m, scrollTop: list.scrollTop, viewportPx: list.clientHeight || m.viewportPx }));
    },
  };
}
