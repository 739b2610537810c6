/** What is still to come against Christmas, which customers ordering in December ask first. */
export type Christmas =
  | { kind: 'before' | 'across' | 'after' }
  /** Some parcels come before Christmas Eve, the others after it: those before, by their items' names. */
  | { kind: 'split'; before: readonly string[] };

/** A parcel still to come: when it may arrive (ISO dates), and the names of the items in it. */
export interface Coming {
  earliest: string;
  latest: string;
  names: readonly string[];
}

/**
 * This year's Christmas Eve (ISO date) while it is the season to ask, November and December to the 23rd; null from
 * Christmas Eve on and before November, when nobody asks.
 */
function christmasEve(now: Date): string | null {
  const month = now.getMonth();
  return month < 10 || (month === 11 && now.getDate() >= 24) ? null : `${now.getFullYear()}-12-24`;
}

/** Of the parcels, those that arrive by 23 December, while it is the season to ask. */
export function beforeChristmas<P extends { earliest: string; latest: string }>(
  parcels: readonly P[],
  now: Date = new Date(),
): P[] {
  const eve = christmasEve(now);
  return eve === null ? [] : parcels.filter((parcel) => parcel.latest < eve);
}

/**
 * Whether what is still to come arrives before Christmas Eve (by 23 December), after Christmas, part before and the
 * rest after (parcels on either side), or may come either side (a parcel's window runs across it). Nothing from
 * Christmas Eve on, nor before November, when nobody asks.
 */
export function christmasOf(parcels: readonly Coming[], now: Date = new Date()): Christmas | null {
  const eve = christmasEve(now);
  if (parcels.length === 0 || eve === null) {
    return null;
  }
  const before = beforeChristmas(parcels, now);
  const after = parcels.filter((parcel) => parcel.earliest >= eve);
  if (before.length + after.length < parcels.length) {
    return { kind: 'across' };
  }
  if (after.length === 0) {
    return { kind: 'before' };
  }
  if (before.length === 0) {
    return { kind: 'after' };
  }
  return { kind: 'split', before: before.flatMap((parcel) => parcel.names) };
}
