/**
 * The one way the extension's pages write a time of day: hours and minutes in the user's locale
 * ("09:42", "9:42 AM"). Countdowns say minutes left beside it, never a second clock format.
 */
export function clockTime(at: number | string | Date): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
