/** Where "Saved." appears: beside the control that changed, in page coordinates; none: in the header. */
export interface SavedAt {
  readonly top: number;
  readonly left: number;
}

const NOTE_WIDTH = 96;
const NOTE_HEIGHT = 24;

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
  // Right of the control, else under it, else above it: the first place that covers no other control.
  const places = [
    { top: rect.top + rect.height / 2 - NOTE_HEIGHT / 2, left: rect.right + 12 },
    { top: rect.bottom + 4, left: rect.left },
    { top: rect.top - NOTE_HEIGHT - 4, left: rect.left },
  ];
  const place = places.find(isFree) ?? places[1]!;
  return { top: place.top + window.scrollY, left: place.left + window.scrollX };
}

/** Whether a note at this place (viewport coordinates) is inside the window and over no control. */
function isFree(place: { top: number; left: number }): boolean {
  if (place.left + NOTE_WIDTH > document.documentElement.clientWidth || place.top < 0) return false;
  // Probe the note's whole box (every 8px along two lines), so a short label beside it counts too.
  const xs = Array.from({ length: NOTE_WIDTH / 8 + 1 }, (_, i) => place.left + Math.min(i * 8, NOTE_WIDTH - 1));
  const ys = [place.top + 3, place.top + NOTE_HEIGHT - 3];
  return ys.every((y) =>
    xs.every((x) => !document.elementFromPoint(x, y)?.closest('button, input, select, textarea, a, label')),
  );
}

/**
 * "Saved." (or the save's notice): beside the control when its place is known, else in the header's
 * status line, which keeps its height either way so nothing below it moves.
 */
export function SavedNote(props: { text: string | undefined; at: SavedAt | undefined }) {
  return (
    <>
      <p class="status" role="status">
        {props.at ? '' : props.text}
      </p>
      {props.at && (
        <p class="saved-note" role="status" style={{ top: `${props.at.top}px`, left: `${props.at.left}px` }}>
          {props.text}
        </p>
      )}
    </>
  );
}
