import { afterEach, expect, it } from 'vitest';
import { trackingToken } from './App';

const TOKEN = 'afIdPGk2m1xQ7rYbN0sVwE3cZ8uT4hLjD5oRqP9uT4w';

afterEach(() => window.history.replaceState(null, '', '/'));

it('opens the order of a link with a slash, a full stop or a space after its token, and shows the link as sent', () => {
  for (const path of [`/t/${TOKEN}/`, `/t/${TOKEN}.`, `/t/${TOKEN}%20`, `/t/${TOKEN}),`, `/t/${TOKEN}/more/path`]) {
    window.history.replaceState(null, '', path);
    expect(trackingToken(window.location.pathname), path).toBe(TOKEN);
    expect(window.location.pathname, path).toBe(`/t/${TOKEN}`);
  }
});

it('reads no order from a path that is not a tracking link, and none from a token badly encoded', () => {
  expect(trackingToken('/console')).toBeNull();
  expect(trackingToken('/t')).toBeNull();
  expect(trackingToken('/')).toBeNull();
  expect(trackingToken('/t/%E0%A4%A')).toBe('');
  expect(trackingToken('/t/%3Cscript%3E')).toBe('');
});
