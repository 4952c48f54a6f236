/** Where "Saved." appears: beside the control that changed, in page coordinates; none: in the header. */
export interface SavedAt {
  readonly top: number;
  readonly left: number;
}

const NOTE_WIDTH = 96;

/**
 * The place beside the control that has focus (the one just changed): right of it, or under it
 * when the window has no room there. A box or a radio is placed by its label's text.
 */
export function besideFocusedControl(): SavedAt | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return undefined;
  const input = active instanceof HTMLInputElement ? active : undefined;
  // A visually hidden file input is shown by its label (styled as a button).
  const anchor = input && (input.type === 'checkbox' || input.type === 'radio' || input.type === 'file') ? (input.labels?.[0] ?? active) : active;
  const rect = anchor.getBoundingClientRect();
  if (!rect.width && !rect.height) return undefined;
  const right = rect.right + 12;
  if (right + NOTE_WIDTH < document.documentElement.clientWidth) {
    return { top: rect.top + window.scrollY + rect.height / 2 - 12, left: right + window.scrollX };
  }
  return { top: rect.bottom + window.scrollY + 4, left: rect.left + window.scrollX };
}

/** The one "Saved." (or the save's notice) of the page, a live region that moves to what changed. */
export function SavedNote(props: { text: string | undefined; at: SavedAt | undefined }) {
  return (
    <p class={props.at ? 'status saved-note' : 'status'} role="status" style={props.at ? { top: `${props.at.top}px`, left: `${props.at.left}px` } : undefined}>
      {props.text}
    </p>
  );
}
