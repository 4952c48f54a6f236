import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Where "Saved." appears: in the page's flow right after this element (the control that changed); none: in the header. */
export interface SavedAt {
  readonly anchor: Element;
}

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
 * The control just changed (else the one that has focus), as the note follows it: a box, a radio
 * or a file field by its label (the text beside the box; the file field's button).
 */
export function besideChangedControl(): SavedAt | undefined {
  const active = lastControl?.isConnected ? lastControl : document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return undefined;
  const control = active.closest('input, select, button, textarea, label') ?? active;
  const input = control instanceof HTMLInputElement ? control : undefined;
  const anchor = input && (input.type === 'checkbox' || input.type === 'radio' || input.type === 'file') ? (input.labels?.[0] ?? control) : control;
  // Never inside a label: the note would join the name of its control.
  if (anchor.parentElement?.closest('label')) return undefined;
  return { anchor };
}

/**
 * "Saved." (or the save's notice): right after the control that changed, in the page's flow, so
 * it takes its own room beside it (options.css) and covers nothing; else, and when that control is
 * gone once the page re-rendered, in the header's status line, which keeps its height either way so
 * nothing below it moves. The note is the page's one element of its own among the sections' (they
 * never render it), added and removed here.
 */
export function SavedNote(props: { text: string | undefined; at: SavedAt | undefined }) {
  const slot = useRef<HTMLElement | undefined>(undefined);
  const [inHeader, setInHeader] = useState(false);
  useLayoutEffect(() => {
    setInHeader(false);
    if (!props.at || !props.text) return;
    const note = document.createElement('span');
    note.className = 'saved-note';
    note.setAttribute('role', 'status');
    note.textContent = props.text;
    props.at.anchor.after(note);
    slot.current = note;
    return () => {
      note.remove();
      slot.current = undefined;
    };
  }, [props.at, props.text]);
  // After every render of the page: a note whose control went (a list re-drawn) moves to the header.
  useLayoutEffect(() => {
    const note = slot.current;
    if (note && props.at && !(props.at.anchor.isConnected && note.previousElementSibling === props.at.anchor)) {
      note.remove();
      slot.current = undefined;
      setInHeader(true);
    }
  });
  return (
    <p class="status" role="status">
      {props.at && !inHeader ? '' : props.text}
    </p>
  );
}
