import { Fragment, type ReactNode } from 'react';
import { OrderLink } from './OrderLink';

// An order number, SKU, purchase order number or supplier code: letters and digits joined by hyphens.
const CODE = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g;

/**
 * A text with the codes in it kept whole: one broken at its hyphen reads as two (on a phone, "SOFA-" above "OSLO-3").
 * The words around them wrap as words do. The codes that are one of {@code orders} link to those orders.
 */
export function WholeCodes({ text, orders = [] }: { text: string; orders?: readonly string[] }) {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(CODE)) {
    parts.push(text.slice(from, match.index));
    parts.push(
      orders.includes(match[0]) ? (
        <OrderLink key={match.index} order={match[0]} />
      ) : (
        <span key={match.index} className="nowrap">
          {match[0]}
        </span>
      ),
    );
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return <Fragment>{parts}</Fragment>;
}
