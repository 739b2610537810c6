import { useLayoutEffect, useRef } from 'react';
import { focusLost } from '../focusLost';

// The element that last took focus. A button disabled while its request runs leaves focus on the page, with no event
// to say so: this still names it as the one the agent pressed.
let lastFocused: HTMLElement | null = null;
document.addEventListener('focusin', (event) => {
  if (event.target instanceof HTMLElement) {
    lastFocused = event.target;
  }
});

// A form refused says why next to each field in error (aria-invalid). Refused by the API, its button, disabled while
// it asked, left the focus on the page; refused by the form's own check, the focus is still on the button pressed. As
// the refusal appears, the first field in error of the form whose button was pressed takes the focus, else what the
// form says beside its button: the agent goes on from what to mend, wherever the check was made, not from the top
// of the page or the button. Only then: focus put elsewhere later (a click on the page's text) stays there.
const REFUSAL = '[aria-invalid="true"], [role="alert"]';
new MutationObserver((records) => {
  const form = lastFocused?.isConnected ? lastFocused.closest('form') : null;
  const onItsButton = document.activeElement === lastFocused && lastFocused?.matches('button');
  if (!form || !(focusLost() || onItsButton)) {
    return;
  }
  const refused = records.some(
    (record) =>
      form.contains(record.target) &&
      (record.type === 'attributes'
        ? (record.target as Element).getAttribute('aria-invalid') === 'true'
        : [...record.addedNodes].some(
            (node) => node instanceof Element && (node.matches(REFUSAL) || node.querySelector(REFUSAL) !== null),
          )),
  );
  const mend =
    form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
  if (refused && mend) {
    focusable(mend).focus();
  }
}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-invalid'] });

/** What was shown, and what to give focus back to when it goes and leaves the focus on the page. */
type Shown = { node: HTMLElement; opener: HTMLElement | null; around: HTMLElement[]; done: boolean };

const showing = new Set<Shown>();
let gone: Shown[] = [];

/**
 * Brings what appears after an agent's action into view and moves focus to it, once, when it appears: a form opened
 * from a list, a review of what a button will do. A keyboard or screen-reader user goes on from there, not from the
 * button they pressed further up. Give the element `tabIndex={-1}`.
 *
 * When it goes and takes the focus with it, focus is given back, so that the keyboard does not start again at the top
 * of the page: after something was done in it (see {@link doneWith}), to what the screen now says about that (an error,
 * else the outcome); otherwise to the control that opened it, or the form's button that asks again.
 */
export function useBroughtIntoView<T extends HTMLElement>(block: ScrollLogicalPosition = 'start') {
  const element = useRef<T>(null);
  const opener = useRef<HTMLElement | null | undefined>(undefined);
  // Before the browser paints it, in the same task that adds it: it never shows unfocused.
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) {
      return;
    }
    // Once: a second run of this effect (React's strict mode) would take the element itself for its opener.
    if (opener.current === undefined) {
      opener.current = lastFocused;
    }
    const shown: Shown = { node, opener: opener.current, around: ancestors(node), done: false };
    showing.add(shown);
    node.scrollIntoView?.({ block });
    node.focus({ preventScroll: true });
    return () => {
      showing.delete(shown);
      handBack(shown);
    };
    // Once, when it appears; a later render keeps the agent where they are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return element;
}

/**
 * Says whether the control pressed did what was shown (a review's confirming button) or left it (its "Cancel"): when
 * that goes, focus goes to the outcome, or back.
 */
export function doneWith(control: Element, done = true) {
  showing.forEach((shown) => {
    if (shown.node.contains(control)) {
      shown.done = done;
    }
  });
}

/** The elements around it, out to its panel: what it was for is said in there, not elsewhere on the page. */
function ancestors(node: HTMLElement): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (let parent = node.parentElement; parent; parent = parent.parentElement) {
    found.push(parent);
    if (parent.matches('.panel, main')) {
      break;
    }
  }
  return found;
}

// Everything that goes in one commit (a review and the form around it) is weighed together, once the commit is done
// and the screen shows what replaced it.
function handBack(what: Shown) {
  if (gone.length === 0) {
    setTimeout(() => {
      const all = gone;
      gone = [];
      if (!focusLost()) {
        return;
      }
      // What was done comes first; anything gone whose surroundings went too has nothing to give focus to.
      const ordered = [...all.filter((one) => one.done), ...all.filter((one) => !one.done)];
      for (const one of ordered) {
        const found = target(one);
        if (found) {
          found.focus();
          return;
        }
      }
    });
  }
  gone.push(what);
}

function target({ opener, around, done }: Shown): HTMLElement | null {
  const still = around.filter((node) => node.isConnected);
  if (done) {
    for (const node of still) {
      const said =
        node.querySelector<HTMLElement>('[role="alert"]') ?? node.querySelector<HTMLElement>('[role="status"]');
      if (said) {
        return focusable(said);
      }
    }
  }
  if (opener && usable(opener)) {
    return opener;
  }
  const again = still[0]?.querySelector<HTMLButtonElement>('button[type="submit"]');
  return again && usable(again) ? again : null;
}

/** The element, given `tabIndex={-1}` if it is text (a message) that the keyboard could not otherwise be put on. */
function focusable(node: HTMLElement): HTMLElement {
  if (!node.matches('input, select, textarea, button, a[href]') && !node.hasAttribute('tabindex')) {
    node.tabIndex = -1;
  }
  return node;
}

function usable(node: HTMLElement): boolean {
  return node.isConnected && !node.closest('[hidden]') && !(node as HTMLButtonElement).disabled;
}
