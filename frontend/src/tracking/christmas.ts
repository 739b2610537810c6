/** Where a window of days falls against Christmas, which customers ordering in December ask first. */
export type Christmas = 'before' | 'across' | 'after';

/**
 * Whether goods expected from {@code earliest} to {@code latest} (ISO dates) come before Christmas Eve (by 23
 * December), after Christmas, or possibly either; nothing from Christmas Eve on, nor before November, when nobody asks.
 * A window after Christmas is said only while it ends by Epiphany, 6 January: later ones are simply later.
 */
export function christmasOf(window: { earliest: string; latest: string }, now: Date = new Date()): Christmas | null {
  const month = now.getMonth();
  if (month < 10 || (month === 11 && now.getDate() >= 24)) {
    return null;
  }
  const year = now.getFullYear();
  const eve = `${year}-12-24`;
  if (window.latest < eve) {
    return 'before';
  }
  if (window.earliest < eve) {
    return 'across';
  }
  return window.latest <= `${year + 1}-01-06` ? 'after' : null;
}
