import { useRef, useState } from 'react';
import {
  CheckSupplierDocument,
  DefineSupplierDocument,
  SuppliersDocument,
  type SuppliersQuery,
  type Weekday,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { errorsAt, errorsBesides, Failure, FormErrors, type UserError } from './errors';
import { apiInt, percent, weekday, WEEKDAYS, weekdayShort } from './format';
import { ct, type ConsoleKey } from './messages';
import { Review } from './Review';
import { leadTimeText, supplierChanges } from './supplierChanges';
import { WeekdayChoice } from './WeekdayChoice';

type Supplier = SuppliersQuery['suppliers'][number];

const FIELDS = ['code', 'name', 'country', 'contactEmail'] as const;
const LABELS: Record<(typeof FIELDS)[number], ConsoleKey> = {
  code: 'supplierCode',
  name: 'supplierName',
  country: 'supplierCountry',
  contactEmail: 'supplierEmail',
};

const emptyForm = {
  code: '',
  name: '',
  country: '',
  contactEmail: '',
  dropships: false,
  minDays: '10',
  maxDays: '15',
  // A new supplier ships Monday to Friday until the admin says otherwise.
  workingDays: WEEKDAYS.slice(0, 5) as readonly Weekday[],
};

/** The suppliers: agents read them; admins define one after reading what saving it will do. */
export function SuppliersPanel({ admin }: { admin: boolean }) {
  const loaded = useQuery(SuppliersDocument, {});
  const suppliers = loaded.data?.suppliers ?? [];
  const [form, setForm] = useState(emptyForm);
  const [reviewing, setReviewing] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [define, defining] = useMutation(DefineSupplierDocument);
  const [check, checking] = useMutation(CheckSupplierDocument);

  const existing = suppliers.find((s) => s.code === form.code.trim());
  const errorOf = (field: string) => errorsAt(errors, field);
  const firstField = useRef<HTMLInputElement>(null);
  // An admin changes a supplier from its row: the form starts from the supplier as it is, and the keyboard is in it.
  const edit = (supplier: Supplier) => {
    setForm({
      code: supplier.code,
      name: supplier.name,
      country: supplier.country ?? '',
      contactEmail: supplier.contactEmail ?? '',
      dropships: supplier.dropships,
      minDays: supplier.leadTime ? String(supplier.leadTime.minDays) : '',
      maxDays: supplier.leadTime ? String(supplier.leadTime.maxDays) : '',
      workingDays: supplier.workingDays,
    });
    setReviewing(false);
    setSaved(null);
    setErrors([]);
    firstField.current?.focus();
  };
  const change = (field: keyof typeof emptyForm, value: string | boolean | readonly Weekday[]) => {
    setForm({ ...form, [field]: value });
    setReviewing(false);
    setSaved(null);
    // What was said of the value before is not said of the new one.
    const at = field === 'minDays' || field === 'maxDays' ? `leadTime.${field}` : field;
    setErrors(errors.filter((error) => errorsAt([error], at).length === 0));
  };

  const input = {
    code: form.code.trim(),
    name: form.name,
    country: form.country.trim().toUpperCase(),
    contactEmail: form.contactEmail,
    dropships: form.dropships,
    leadTime: { minDays: apiInt(form.minDays), maxDays: apiInt(form.maxDays) },
    workingDays: [...form.workingDays],
  };

  // The review is offered only for a definition saving would take: what it would refuse is said at its field first.
  const review = async () => {
    setErrors([]);
    const data = await check({ input });
    if (data) {
      setErrors(data.checkSupplier);
      setReviewing(data.checkSupplier.length === 0);
    }
  };

  const save = async () => {
    const data = await define({ input });
    setReviewing(false);
    if (data) {
      setErrors(data.defineSupplier.errors);
      if (data.defineSupplier.errors.length === 0) {
        setSaved(ct(data.defineSupplier.created ? 'supplierCreated' : 'supplierChanged', { code: form.code.trim() }));
        setForm(emptyForm);
        loaded.reload();
      }
    }
  };

  const punctuality = ({ punctuality: p }: Supplier) => {
    if (p.history === 0 || p.onTimeRate === null) {
      return ct('punctualityNone');
    }
    const days = p.typicalDaysLate ?? 0;
    const typical =
      days > 0
        ? ct('punctualityLate', { days })
        : days < 0
          ? ct('punctualityEarly', { days: -days })
          : ct('punctualityOnDay');
    return ct('punctuality', { rate: percent(p.onTimeRate), typical, history: p.history }) + punctualityWindow(p);
  };
  return (
    <section aria-labelledby="suppliers-title" className="panel">
      <h1 id="suppliers-title">{ct('suppliersTitle')}</h1>
      <Failure error={loaded.error} />
      <div className="scroll" tabIndex={0}>
        <table className="stacks">
          <thead>
            <tr>
              <th scope="col">{ct('supplierCode')}</th>
              <th scope="col">{ct('supplierName')}</th>
              <th scope="col">{ct('colCountry')}</th>
              <th scope="col">{ct('supplierLeadTime')}</th>
              <th scope="col">{ct('supplierShipsOn')}</th>
              <th scope="col">{ct('supplierDropships')}</th>
              <th scope="col">{ct('supplierPunctuality')}</th>
              {admin && <th scope="col">{ct('supplierEditColumn')}</th>}
            </tr>
          </thead>
          <tbody>
            {suppliers.map((s) => (
              <tr key={s.code}>
                <td data-label={ct('supplierCode')} className="nowrap">
                  {s.code}
                </td>
                <td data-label={ct('supplierName')}>{s.name}</td>
                <td data-label={ct('colCountry')}>{s.country ?? '—'}</td>
                <td data-label={ct('supplierLeadTime')}>{leadTimeText(s.leadTime)}</td>
                <td data-label={ct('supplierShipsOn')}>{s.workingDays.map(weekdayShort).join(', ')}</td>
                <td data-label={ct('supplierDropships')}>{s.dropships ? ct('yes') : ct('no')}</td>
                <td data-label={ct('supplierPunctuality')}>{punctuality(s)}</td>
                {admin && (
                  <td data-label={ct('supplierEditColumn')}>
                    <button
                      type="button"
                      className="secondary"
                      aria-label={ct('supplierEditOf', { code: s.code })}
                      onClick={() => edit(s)}
                    >
                      {ct('supplierEdit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && (
        <form
          aria-labelledby="define-supplier-title"
          // A lead time below 0 is said next to its field by the API's check, with the rest, not in the browser's bubble.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void review();
          }}
        >
          <h2 id="define-supplier-title">
            {existing ? ct('changeSupplierTitle', { code: existing.code }) : ct('defineSupplierTitle')}
          </h2>
          {FIELDS.map((field) => (
            <div key={field} className="field">
              <label>
                {ct(LABELS[field])}
                <input
                  ref={field === 'code' ? firstField : undefined}
                  value={form[field]}
                  aria-invalid={errorOf(field).length > 0 || undefined}
                  aria-describedby={errorOf(field).length > 0 ? `supplier-${field}-error` : undefined}
                  onChange={(event) => change(field, event.target.value)}
                />
              </label>
              {errorOf(field).length > 0 && (
                <span id={`supplier-${field}-error`} className="error">
                  {errorOf(field)
                    .map((e) => e.message)
                    .join(' ')}
                </span>
              )}
            </div>
          ))}
          <label className="option">
            <input
              type="checkbox"
              checked={form.dropships}
              onChange={(event) => change('dropships', event.target.checked)}
            />
            {ct('supplierDropships')}
          </label>
          {(['minDays', 'maxDays'] as const).map((field) => (
            <div key={field} className="field">
              <label>
                {ct(field === 'minDays' ? 'leadTimeMin' : 'leadTimeMax')}
                <input
                  type="number"
                  min={0}
                  value={form[field]}
                  aria-invalid={errorOf(`leadTime.${field}`).length > 0 || undefined}
                  aria-describedby={errorOf(`leadTime.${field}`).length > 0 ? `supplier-${field}-error` : undefined}
                  onChange={(event) => change(field, event.target.value)}
                />
              </label>
              {errorOf(`leadTime.${field}`).length > 0 && (
                <span id={`supplier-${field}-error`} className="error">
                  {errorOf(`leadTime.${field}`)
                    .map((e) => e.message)
                    .join(' ')}
                </span>
              )}
            </div>
          ))}
          <WeekdayChoice
            legend={ct('supplierWorkingDays')}
            days={WEEKDAYS}
            chosen={form.workingDays}
            onChange={(days) => change('workingDays', days)}
            errors={errorOf('workingDays')}
            errorId="supplier-workingDays-error"
          />
          <div className="actions">
            <button type="submit" disabled={checking.running}>
              {ct('review')}
            </button>
          </div>
          <FormErrors
            errors={errorsBesides(errors, [...FIELDS, 'leadTime.minDays', 'leadTime.maxDays', 'workingDays'])}
          />
        </form>
      )}
      {admin && reviewing && (
        <Review
          testId="supplier-review"
          confirm={ct(existing ? 'saveChange' : 'saveNew')}
          running={defining.running}
          onCancel={() => setReviewing(false)}
          onConfirm={() => void save()}
        >
          {existing
            ? ct('supplierWillChange', { code: form.code.trim(), changes: supplierChanges(existing, input) })
            : ct('supplierWillCreate', {
                code: form.code.trim(),
                lead: ct('leadTimeDays', { min: form.minDays, max: form.maxDays }),
                days: form.workingDays.map(weekday).join(', '),
              })}
        </Review>
      )}
      <Failure error={checking.error ?? defining.error} />
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}

/**
 * What promises count on, beside the typical day (one late delivery widens the window more than it moves the median):
 * days after the expected date, or before it where the supplier's deliveries come early, said as such.
 */
export function punctualityWindow(p: { earliestDays: number; latestDays: number; confidence: number }): string {
  const confidence = percent(p.confidence);
  if (p.latestDays < 0) {
    return ct('punctualityWindowBefore', { from: -p.latestDays, to: -p.earliestDays, confidence });
  }
  if (p.earliestDays < 0) {
    return ct('punctualityWindowAround', { from: -p.earliestDays, to: p.latestDays, confidence });
  }
  return ct('punctualityWindow', { from: p.earliestDays, to: p.latestDays, confidence });
}
