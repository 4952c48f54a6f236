/**
 * A file field shown as a button: the native input stays in the page, focusable and labelled
 * (screen readers and the keyboard reach it as before), visually hidden; its label is the button,
 * and opens the file chooser as a click on the input does.
 */
export function FileButton(props: { id: string; label: string; accept: string; describedBy?: string; onFile: (file: File | undefined) => void }) {
  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    props.onFile(input.files?.[0]);
    // The same file chosen again (after fixing it) fires a change again.
    input.value = '';
  };
  return (
    <>
      <input id={props.id} class="visually-hidden file-input" type="file" accept={props.accept} aria-describedby={props.describedBy} onChange={onChange} />
      <label for={props.id} class="button">
        {props.label}
      </label>
    </>
  );
}
