/** Where "Saved." appears: beside the control that changed, in page coordinates; none: in the header. */
export interface SavedAt {
  readonly top: number;
  readonly left: number;
}

const NOTE_WIDTH = 96;

// The control the user last changed or clicked: not every browser focuses a button or a box on a
// click (Safari, Firefox on macOS), so focus alone does not say which one it was.
let lastControl: Element | undefined;
const remember = (event: Event) => {
  if (event.target instanceof HTMLElement && event.target.closest('input, select, button, textarea, label')) lastControl = event.target;
};

/** Starts noting which control the user changes; returns the stop. */
export function watchChangedControls(): () => void {
  document.addEventListener('change', remember, true);
  document.addEventListener('click', remember, true);
  return () => {
    document.removeEventListener('change', remember, true);
    document.removeEventListener('click', remember, true);
  };
}

/**
 * The place beside the control just changed (else the one that has focus): right of it, or under
 * it when the window has no room there. A box or a radio is placed by its label's text.
 */
export function besideChangedControl(): SavedAt | undefined {
  const active = lastControl?.isConnected ? lastControl : document.activeElement;
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
