import type { ReactNode } from 'react';
import { ct } from './messages';

/**
 * The lines a review names, one by one: shown as they are when few, folded under their count when more than five, so
 * that a long list does not push the review's buttons screens down (a click away, for the agent who reads them all).
 */
export function LongList({ count, children }: { count: number; children: ReactNode }) {
  return count > 5 ? (
    <details>
      <summary>{ct('everyLine', { count })}</summary>
      {children}
    </details>
  ) : (
    children
  );
}
