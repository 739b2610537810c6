import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { RunningLateDocument } from '../generated/graphql';
import { RunningLatePanel } from './RunningLatePanel';
import { request } from './__mocks__/client';

vi.mock('./client');

afterEach(() => {
  cleanup();
  request.mockReset();
});

it('with nothing overtaken by time, says where the lines a delay moved past their promise are', async () => {
  request.mockImplementation((document: unknown) =>
    Promise.resolve(document === RunningLateDocument ? { runningLate: [] } : {}),
  );
  render(<RunningLatePanel />);

  expect(
    await screen.findByText(
      'No open line has been overtaken by time. Lines a delay has moved past their promise are under Orders, “Late against promise”.',
    ),
  ).toBeTruthy();
});
