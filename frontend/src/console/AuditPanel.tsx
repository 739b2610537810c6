import { useState } from 'react';
import { AuditLogDocument, type AuditLogQuery, type Weekday } from '../generated/graphql';
import { useQuery } from './api';
import { Failure } from './errors';
import { day, money, time, timeZone, WEEKDAYS, weekday } from './format';
import type { Language } from '../i18n/messages';
import { ct, label, languageName, midSentence, wordFor } from './messages';
import { OrderLink } from './OrderLink';

type Entry = AuditLogQuery['auditLog'][number];

const ORDER_ACTIONS = [
  'RECORD_SHIPMENT',
  'REISSUE_TRACKING_LINK',
  'REVOKE_TRACKING_LINK',
  'APPROVE_REFUND',
  'REJECT_REFUND',
];

/** The states of lines and refunds that audit entries record, which the console words as it does elsewhere. */
const LINE_STATES = new Set([
  'RESERVED',
  'AWAITING_SUPPLIER',
  'READY',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
]);
const REFUND_STATES = new Set(['REQUESTED', 'APPROVED', 'REJECTED']);

/** A recorded fact's name as words: "customersTold" reads "customers told". */
const words = (key: string) =>
  key.replace(/([a-z])([A-Z])/g, (_, before: string, after: string) => `${before} ${after.toLowerCase()}`);

const LANGUAGES = new Set(['en', 'da', 'de', 'pl']);

/**
 * A recorded fact's name in the agent's language: a line's id as "line L2", a delay reason's language by its name;
 * a name the console has no word for (an older entry's) in words.
 */
export function auditKey(key: string): string {
  if (/^L\d+$/.test(key)) {
    return ct('auditLine', { line: key });
  }
  if (LANGUAGES.has(key)) {
    return languageName(key as Language);
  }
  return wordFor('auditKey', key) ?? words(key);
}

/**
 * A recorded value as an agent reads it, in the agent's language: yes or no, states and codes in words, a line's state
 * with its payment's, days and instants in the agent's own form, units per SKU as "12 × SKU". Other values (names,
 * numbers, reasons) stay as recorded. The fact's name tells codes apart that mean other things by key.
 */
export function auditValue(value: string, key = ''): string {
  if (value === 'true' || value === 'false') {
    return ct(value === 'true' ? 'yes' : 'no');
  }
  if (key === 'extraParcelFee' && value === 'SHOP') {
    return ct('auditShopFee');
  }
  if (key === 'refundsApprovedAfterDaysLate') {
    return value === 'NEVER' ? ct('never') : ct('afterDaysLate', { days: value });
  }
  if (key === 'receivingDays' && value === 'ANY') {
    return ct('anyDay');
  }
  if (value === 'WAIT_FOR_ALL' || value === 'SHIP_AS_AVAILABLE') {
    return label('pref', value);
  }
  if (LINE_STATES.has(value)) {
    return label('status', value);
  }
  if (REFUND_STATES.has(value)) {
    return label('refund', value);
  }
  // Amounts as the API keeps them, "DKK 12.50" or several "DKK 49.00, EUR 7": written in the reader's language.
  const amounts = value.split(', ').map((part) => part.match(/^([A-Z]{3}) (-?\d+(?:\.\d+)?)$/));
  if (amounts.every((amount) => amount !== null)) {
    return amounts.map((amount) => money(amount[2], amount[1])).join(', ');
  }
  const coded = wordFor('auditValue', value);
  if (coded) {
    return coded;
  }
  // A line shipped: its state and its payment's, "SHIPPED/CAPTURED".
  const [status, payment] = value.split('/');
  if (payment && LINE_STATES.has(status) && wordFor('payment', payment)) {
    return ct('auditLineState', { status: label('status', status), payment: midSentence(label('payment', payment)) });
  }
  // An id the log keeps (a withdrawal's): its start tells it apart, the rest is noise to a reader.
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
    return `${value.slice(0, 8)}…`;
  }
  // Days as the API lists them: "[TUESDAY, THURSDAY]".
  const days = value.match(/^\[([A-Z, ]+)\]$/)?.[1].split(', ');
  if (days?.every((day) => (WEEKDAYS as string[]).includes(day))) {
    return days.map((day) => weekday(day as Weekday)).join(', ');
  }
  const units = value.match(/^\{((?:[^=,{}]+=\d+(?:, )?)+)\}$/);
  if (units) {
    return units[1]
      .split(', ')
      .map((entry) => entry.split('='))
      .map(([sku, quantity]) => `${quantity} × ${sku}`)
      .join(', ');
  }
  return value
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g, (instant) => time(instant))
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (isoDay) => day(isoDay));
}

/** What the entry did, in words: a supplier defined anew is "changed" when there was one before. */
const actionText = (entry: Entry) =>
  entry.action === 'DEFINE_SUPPLIER' && entry.before.length > 0
    ? ct('actionDEFINE_SUPPLIER_CHANGED')
    : label('action', entry.action);

/**
 * What a delay's entry concerns, from the scope its facts name ("SOFA-BERGEN-2 at NORDIC-SOFA"), not from the delay's
 * id alone; null for other entries.
 */
function delayScope(entry: Entry): string | null {
  if (entry.action !== 'LOG_DELAY' && entry.action !== 'WITHDRAW_DELAY') {
    return null;
  }
  const facts = Object.fromEntries(
    (entry.action === 'LOG_DELAY' ? entry.after : entry.before).map((pair) => [pair.key, pair.value]),
  );
  if (facts.purchaseOrder) {
    return ct('scopePO', { po: facts.purchaseOrder });
  }
  if (facts.supplier) {
    return facts.sku
      ? ct('scopeSKU', { sku: facts.sku, supplier: facts.supplier })
      : ct('scopeSUPPLIER', { supplier: facts.supplier });
  }
  return null;
}

/** The entry's target as agents read it: an order to open, a delay by what it delayed, else as recorded. */
function Target({ entry }: { entry: Entry }) {
  if (ORDER_ACTIONS.includes(entry.action)) {
    return <OrderLink order={entry.target.split('/')[0]} />;
  }
  const scope = delayScope(entry);
  if (!scope) {
    return <>{entry.target}</>;
  }
  // The id's start tells a withdrawal's entry and the delay's own apart from others of the same scope.
  return (
    <>
      {scope} <span className="hint nowrap">{ct('auditDelayId', { id: entry.target.slice(0, 8) })}</span>
    </>
  );
}

const details = (pairs: Entry['before']) =>
  pairs.map((pair) => `${auditKey(pair.key)}: ${auditValue(pair.value, pair.key)}`).join('; ') || '—';

/**
 * What an entry changed, before and after: a fact the same on both sides (a supplier's name when its lead time
 * changed) is left out of both, so that what changed stands out. An entry with nothing before says everything after.
 */
export function changed(entry: Pick<Entry, 'before' | 'after'>): Pick<Entry, 'before' | 'after'> {
  if (entry.before.length === 0) {
    return entry;
  }
  const same = (pair: Entry['before'][number], others: Entry['before']) =>
    others.some((other) => other.key === pair.key && other.value === pair.value);
  return {
    before: entry.before.filter((pair) => !same(pair, entry.after)),
    after: entry.after.filter((pair) => !same(pair, entry.before)),
  };
}

/** Every agent action, newest first, 50 at a time, narrowed to those containing a word (admins only). */
export function AuditPanel() {
  const [before, setBefore] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const page = useQuery(AuditLogDocument, { before });
  const entries = page.data?.auditLog ?? [];
  const word = filter.trim().toLowerCase();
  const shown = entries.filter(
    (entry) =>
      !word ||
      [
        entry.actor,
        entry.action,
        actionText(entry),
        entry.target,
        delayScope(entry),
        details(entry.before),
        details(entry.after),
      ]
        .join(' ')
        .toLowerCase()
        .includes(word),
  );

  return (
    <section aria-labelledby="audit-title" className="panel">
      <h1 id="audit-title">{ct('auditTitle')}</h1>
      <label>
        {ct('auditFilter')}
        <input value={filter} onChange={(event) => setFilter(event.target.value)} />
      </label>
      <Failure error={page.error} />
      <p className="hint">{ct('timesLocal', { zone: timeZone() })}</p>
      {page.data && shown.length === 0 && <p>{ct('auditEmpty')}</p>}
      {shown.length > 0 && (
        <div className="scroll" tabIndex={0} role="region" aria-labelledby="audit-title">
          <table aria-labelledby="audit-title" className="stacks">
            <thead>
              <tr>
                <th scope="col">{ct('colWhen')}</th>
                <th scope="col">{ct('colActor')}</th>
                <th scope="col">{ct('colAction')}</th>
                <th scope="col">{ct('colTarget')}</th>
                <th scope="col">{ct('colBefore')}</th>
                <th scope="col">{ct('colAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry, index) => (
                <tr key={entry.at + index} data-action={entry.action}>
                  <td data-label={ct('colWhen')}>{time(entry.at)}</td>
                  <td data-label={ct('colActor')}>{entry.actor}</td>
                  <td data-label={ct('colAction')}>{actionText(entry)}</td>
                  <td data-label={ct('colTarget')}>
                    <Target entry={entry} />
                  </td>
                  <td data-label={ct('colBefore')}>{details(changed(entry).before)}</td>
                  <td data-label={ct('colAfter')}>{details(changed(entry).after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.length === 50 && (
        <button type="button" className="secondary" onClick={() => setBefore(entries[entries.length - 1].at)}>
          {ct('olderEntries')}
        </button>
      )}
    </section>
  );
}
