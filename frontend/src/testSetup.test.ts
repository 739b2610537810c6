import { getConfig } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

describe('the tests themselves', () => {
  it('give a slow machine time: only a hanging test fails on time', ({ task }) => {
    expect(task.timeout).toBeGreaterThanOrEqual(60_000);
  });

  it('wait for conditions long enough that a busy machine does not fail them', () => {
    expect(getConfig().asyncUtilTimeout).toBeGreaterThanOrEqual(30_000);
  });
});
