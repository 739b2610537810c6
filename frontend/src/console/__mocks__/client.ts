import { vi } from 'vitest';

/**
 * The console's API client in page tests (`vi.mock('./client')`): each test says what `request` answers, and a
 * failure passes through `asRequestError` as it is.
 */
export const request = vi.fn();

export const asRequestError = (error: unknown) => error;
