import { configure } from '@testing-library/react';

// findBy… and waitFor wait for a condition; on a slow machine the condition comes later, and that is no failure.
configure({ asyncUtilTimeout: 60_000 });
