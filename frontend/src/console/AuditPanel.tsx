import { useState } from 'react';
import { AuditLogDocument, type AuditLogQuery, type Weekday } from '../generated/graphql';
import { useQuery } from './api';
import { Failure } from './errors';
import { day, time, timeZone, WEEKDAYS, weekday } from './format';
import { ct, label } from './messages';
import { OrderLink } from './OrderLink';

type Entry = AuditLogQuery['auditLog'][number];

const ORDER_ACTIONS = [
  'RECORD_SHIPMENT',
  'REISSUE_TRACKING_LINK',
  'REVOKE_TRACKING_LINK',
  'APPROVE_REFUND',
  'REJECT_REFUND',
];

/** The states audit entries record (of lines, purchase orders, refunds), told apart from codes such as a supplier's. */
const STATES = new Set([
  'RESERVED',
  'AWAITING_SUPPLIER',
  'READY',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'REFUNDED',
  'OPEN',
  'RECEIVED',
  'REQUESTED',
  'APPROVED',
  'REJECTED',
]);

/** A recorded fact's name as words: "customersTold" reads "customers told". */
const words = (key: string) =>
  key.replace(/([a-z])([A-Z])/g, (_, before: string, after: string) => `${before} ${after.toLowerCase()}`);

/**
 * A recorded value as an agent reads it: instants and days in the agent's own form, units per SKU as "12 × SKU".
 * Other values stay as recorded.
 */
export function auditValue(value: string): string {
  if (value === 'WAIT_FOR_ALL' || value === 'SHIP_AS_AVAILABLE') {
    return label('pref', value);
  }
  // A state as the API keeps it: its words where the console has them, else the code in words.
  if (STATES.has(value)) {
    return label('status', value);
  }
  // Receiving days as the API lists them: "[TUESDAY, THURSDAY]".
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

const details = (pairs: Entry['before']) =>
  pairs.map((pair) => `${words(pair.key)}: ${auditValue(pair.value)}`).join('; ') || '—';

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
        label('action', entry.action),
        entry.target,
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
        <div className="scroll" tabIndex={0}>
          <table aria-labelledby="audit-title">
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
                  <td>{time(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>{label('action', entry.action)}</td>
                  <td>
                    {ORDER_ACTIONS.includes(entry.action) ? (
                      <OrderLink order={entry.target.split('/')[0]} />
                    ) : (
                      entry.target
                    )}
                  </td>
                  <td>{details(entry.before)}</td>
                  <td>{details(entry.after)}</td>
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
