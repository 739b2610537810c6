import { configure } from '@testing-library/react';

// findBy… and waitFor wait for a condition; on a slow machine the condition comes later, and that is no failure.
configure({ asyncUtilTimeout: 60_000 });

// jsdom lays nothing out, so it has no scrolling: bringing an element into view does nothing there, as it would on
// a screen where the element is already in view.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
