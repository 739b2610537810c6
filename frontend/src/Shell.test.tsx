import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readableOn, Shell } from './Shell';

afterEach(cleanup);

const shop = {
  name: 'Nordhavn Living',
  logoUrl: '/shop/logo',
  colour: '#f4d35e',
  email: 'help@nordhavn.example',
  phone: '+45 70 12 34 56',
  helpUrl: 'https://nordhavn.example/help',
};

describe('the shop’s own page frame', () => {
  it('names the shop, shows its logo and colour, and says where its customer service is', () => {
    render(
      <Shell language="en" onLanguage={() => {}} shop={shop}>
        <p>content</p>
      </Shell>,
    );
    const header = screen.getByTestId('shop-header');
    expect(header.textContent).toMatch(/^Nordhavn Living/);
    expect(header.querySelector('img')?.getAttribute('src')).toBe('/shop/logo');
    expect(header.style.getPropertyValue('--brand')).toBe('#f4d35e');
    expect(header.style.getPropertyValue('--on-brand')).toBe('#000');
    expect(screen.getByRole('link', { name: 'help@nordhavn.example' }).getAttribute('href')).toBe(
      'mailto:help@nordhavn.example',
    );
    expect(screen.getByRole('link', { name: '+45 70 12 34 56' }).getAttribute('href')).toBe('tel:+4570123456');
    expect(screen.getByRole('link', { name: 'Help and contact' }).getAttribute('href')).toBe(
      'https://nordhavn.example/help',
    );
  });

  it('writes white on a dark colour and black on a light one', () => {
    expect(readableOn('#1f3a5f')).toBe('#fff');
    expect(readableOn('#ffffff')).toBe('#000');
    expect(readableOn('#f4d35e')).toBe('#000');
  });
});
