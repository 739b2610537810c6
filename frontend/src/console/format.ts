import { formatDay, formatItems, formatMoney, formatWindow } from '../i18n/i18n';
import type { Weekday } from '../generated/graphql';
import { consoleLanguage, ct } from './messages';

// Money, days and times in the agent's language. Instants are shown in the agent's own time zone, and say so.

const LOCALES = { en: 'en-GB', da: 'da-DK', de: 'de-DE', pl: 'pl-PL' } as const;

/** An amount (a decimal from the API) in its currency, e.g. "DKK 1,499.00" or "1.499,00 kr.". */
export function money(amount: string, currency: string): string {
  return formatMoney(amount, currency, consoleLanguage());
}

/** Amounts in several currencies, each on its own: never added up. */
export function amounts(values: readonly { amount: string; currency: string }[]): string {
  return values.map((value) => money(value.amount, value.currency)).join(' · ');
}

/** Items' names as one list, e.g. "Oslo sofa and Rhein lamp" ({@link formatItems}). */
export function itemList(names: readonly string[]): string {
  return formatItems(names, consoleLanguage());
}

/** A day in the console's language, with its year when more than half a year from today ({@link formatDay}). */
export function day(isoDate: string): string {
  return formatDay(isoDate, consoleLanguage());
}

/** A number with up to two decimals as the console's language writes it, e.g. "3.35" or "3,35". */
export function decimal(value: number): string {
  return new Intl.NumberFormat(LOCALES[consoleLanguage()], { maximumFractionDigits: 2 }).format(value);
}

/** A share from 0 to 1 as a whole percentage, e.g. "85%" or "85 %". */
export function percent(share: number): string {
  return new Intl.NumberFormat(LOCALES[consoleLanguage()], { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/**
 * An amount as the agent typed it, as the API takes it: "1.234,56" in German, Danish or Polish and "1,234.56" in
 * English are 1234.56; spaces between groups go ("1 234,56"), and a decimal comma is read as a point in any language
 * ("7,50" is 7.50). A separator not followed by groups of three digits is the decimal one ("7.50" is 7.50 in German
 * too). What is no amount is left as typed, for the form's check to refuse.
 */
export function typedAmount(typed: string): string {
  const compact = typed.trim().replace(/[\s\u00a0\u202f]/g, '');
  const grouping = consoleLanguage() === 'en' ? ',' : '.';
  const decimal = grouping === ',' ? '\\.' : ',';
  const grouped = new RegExp(`^\\d{1,3}(\\${grouping}\\d{3})+(${decimal}\\d+)?$`);
  const ungrouped = grouped.test(compact) ? compact.split(grouping).join('') : compact;
  return /^\d+,\d+$/.test(ungrouped) ? ungrouped.replace(',', '.') : ungrouped;
}

/** Today in the agent's time zone, as an ISO date (what a date input holds). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function dateWindow(earliest: string, latest: string): string {
  return formatWindow(earliest, latest, consoleLanguage());
}

/** An instant as a date and time in the agent's time zone, e.g. "2 Dec 2026, 09:14". */
export function time(iso: string): string {
  return new Intl.DateTimeFormat(LOCALES[consoleLanguage()], { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** The agent's time zone, named where times are shown, e.g. "Europe/Copenhagen". */
export function timeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The days of the week as the API names them, Monday first. */
export const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A weekday's name in the agent's language (2024-01-01 was a Monday). */
export function weekday(day: Weekday): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(LOCALES[consoleLanguage()], { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** A day of the week as a table cell has room for: "Mon", "man.", "Mo.", "pon.". */
export function weekdayShort(day: Weekday): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(LOCALES[consoleLanguage()], { weekday: 'short', timeZone: 'UTC' }).format(date);
}

/** Whether a text holds a tag's start as a browser reads it ("<b", "</p", "<!"): customers would read it as typed. */
export function hasMarkup(text: string): boolean {
  return /<(\/?[A-Za-z]|!)/.test(text);
}

/** The largest whole number the API's Int carries. */
const LARGEST_INT = 2_147_483_647;

/**
 * A number as the API's Int takes it. One it cannot carry (99999999999, 1.5) would fail the whole request on its type,
 * with a message of GraphQL's and none of the form's other errors; sent as the largest Int instead, it is refused at
 * its own field by the rule that field has ("a whole number from 1 to 100,000"), with every other error of the form.
 */
export function apiInt(typed: string): number {
  const value = Number(typed.trim());
  return Number.isSafeInteger(value) && Math.abs(value) <= LARGEST_INT ? value : LARGEST_INT;
}

/** Whether units as an agent typed them are a whole number, 0 or more (the API takes nothing else). */
export function wholeUnits(typed: string): boolean {
  return /^\d+$/.test(typed.trim());
}

/** Units per SKU as a short list: "3 × CHAIR-AARHUS, 1 × TABLE-RIGA-180". */
export function unitsList(quantities: readonly { sku: string; quantity: number }[]): string {
  return quantities.map((line) => `${line.quantity} × ${line.sku}`).join(', ');
}

/**
 * A purchase order's receipt lines as receipts: one is everything recorded at one moment, whatever its SKUs. In the
 * order the goods came, as the warehouse reads them (a receipt booked late sits on its day), then as recorded.
 */
export function receiptsOf<Line extends { recordedAt: string; receivedOn: string }>(
  lines: readonly Line[],
): Map<string, Line[]> {
  const receipts = new Map<string, Line[]>();
  [...lines]
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.recordedAt.localeCompare(b.recordedAt))
    .forEach((line) => receipts.set(line.recordedAt, [...(receipts.get(line.recordedAt) ?? []), line]));
  return receipts;
}

/**
 * What a review says after a line whose date it moves: that its customer is told, or, where its own latest day moves
 * and they are not, why not (it waits for the order's one delivery, which does not move).
 */
export function toldSuffix(line: { customerTold: boolean; latestBefore: string; latestAfter: string }): string {
  if (line.customerTold) {
    return ct('cancelTold');
  }
  return line.latestBefore === line.latestAfter ? '' : ct('notToldOneDelivery');
}
