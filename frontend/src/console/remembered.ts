import { useEffect, useState } from 'react';

const PREFIX = 'leadline.console.draft.';

/**
 * State kept in this tab's session storage under a key: what an agent typed, the tab they were on, the order they had
 * open. It survives going to the sign-in server and back, so a session that ends loses none of it.
 */
export function useRemembered<T>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(PREFIX + key);
    if (stored === null) {
      return initial;
    }
    try {
      return JSON.parse(stored) as T;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  }, [key, value]);
  return [value, setValue] as const;
}

/** Forgets everything remembered, when the agent signs out. */
export function forgetAll(): void {
  Object.keys(sessionStorage)
    .filter((key) => key.startsWith(PREFIX))
    .forEach((key) => sessionStorage.removeItem(key));
}

/** Remembers a value at once, before the component that reads it mounts (a link that opens an order). */
export function remember(key: string, value: unknown): void {
  sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
}
