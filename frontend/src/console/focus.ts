import { useLayoutEffect, useRef } from 'react';

/**
 * Brings what appears after an agent's action into view and moves focus to it, once, when it appears: a form opened
 * from a list, a review of what a button will do. A keyboard or screen-reader user goes on from there, not from the
 * button they pressed further up. Give the element `tabIndex={-1}`.
 */
export function useBroughtIntoView<T extends HTMLElement>(block: ScrollLogicalPosition = 'start') {
  const element = useRef<T>(null);
  // Before the browser paints it, in the same task that adds it: it never shows unfocused.
  useLayoutEffect(() => {
    element.current?.scrollIntoView?.({ block });
    element.current?.focus({ preventScroll: true });
    // Once, when it appears; a later render keeps the agent where they are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return element;
}
