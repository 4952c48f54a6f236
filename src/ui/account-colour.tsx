import type { AccountColour } from '../core/accounts/colours';
import { t } from '../platform/i18n';

/** The colour's name in the user's language (the palette is fixed: core/accounts/colours.ts). */
export function colourName(colour: AccountColour): string {
  switch (colour) {
    case 'red':
      return t('colourRed');
    case 'orange':
      return t('colourOrange');
    case 'yellow':
      return t('colourYellow');
    case 'green':
      return t('colourGreen');
    case 'turquoise':
      return t('colourTurquoise');
    case 'blue':
      return t('colourBlue');
    case 'purple':
      return t('colourPurple');
    case 'pink':
      return t('colourPink');
  }
}

/**
 * An account's colour as a small bar (base.css has a shade of each colour for the light and the
 * dark theme, 4.5:1 or more against the panel and the selected row). Never the only cue: the
 * account's name and ID are beside it; `named` gives it its colour's name for screen readers too
 * (once per account, in its heading), otherwise it has a tooltip only.
 */
export function ColourSwatch(props: { colour: AccountColour; named?: boolean }) {
  const label = t('accountColourTitle', colourName(props.colour));
  return props.named ? (
    <span class="swatch" data-colour={props.colour} role="img" aria-label={label} title={label} />
  ) : (
    <span class="swatch" data-colour={props.colour} aria-hidden="true" title={label} />
  );
}
