import { configure } from '@testing-library/react';
import { vi } from 'vitest';

// findBy… and waitFor wait for a condition; on a slow machine the condition comes later, and that is no failure.
configure({ asyncUtilTimeout: 60_000 });

// jsdom lays nothing out, so it has no scrolling: bringing an element into view does nothing there, as it would on
// a screen where the element is already in view.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// The console writes a day far from today with its year: the tests' days are read from one fixed today, the day they
// were written for, and not from whenever they run. Only the date is fixed; timers run as they do.
vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-07T09:00:00Z'), shouldAdvanceTime: true });
