/**
 * Whether the keyboard's focus is nowhere: on the page itself, as a control disabled while its request runs leaves
 * it. Only then does the page move it to what comes next; focus the user put somewhere stays there.
 */
export function focusLost(): boolean {
  return !document.activeElement || document.activeElement === document.body;
}
