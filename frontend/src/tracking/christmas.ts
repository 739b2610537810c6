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
 * Whether what is still to come arrives before Christmas Eve (by 23 December), after Christmas, part before and the
 * rest after (parcels on either side), or may come either side (a parcel's window runs across it). Nothing from
 * Christmas Eve on, nor before November, when nobody asks.
 */
/** Of the parcels, those that arrive by 23 December, while it is the season to ask (November, December to the 23rd). */
export function beforeChristmas<P extends { earliest: string; latest: string }>(
  parcels: readonly P[],
  now: Date = new Date(),
): P[] {
  const month = now.getMonth();
  if (month < 10 || (month === 11 && now.getDate() >= 24)) {
    return [];
  }
  const eve = `${now.getFullYear()}-12-24`;
  return parcels.filter((parcel) => parcel.latest < eve);
}

export function christmasOf(parcels: readonly Coming[], now: Date = new Date()): Christmas | null {
  const month = now.getMonth();
  if (parcels.length === 0 || month < 10 || (month === 11 && now.getDate() >= 24)) {
    return null;
  }
  const eve = `${now.getFullYear()}-12-24`;
  const before = parcels.filter((parcel) => parcel.latest < eve);
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
