import { useState } from 'react';
import {
  type TypedDocumentString,
  DefineDelayReasonDocument,
  DefineSegmentPolicyDocument,
  SegmentPoliciesDocument,
  type SegmentPolicyInput,
  type Weekday,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { errorsAt, errorsBesides, Failure, FieldError, FormErrors, invalidProps, type UserError } from './errors';
import { consoleLanguage, CONSOLE_LANGUAGES, ct, label, NATIVE_NAMES } from './messages';
import { Review } from './Review';

/**
 * An admin's definition, reviewed before it is saved: the review belongs to the input it was made for; saving keeps
 * the payload's errors next to their fields and, when there are none, says what was saved.
 */
function useDefinition<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  errorsOf: (data: TResult) => UserError[],
) {
  const [run, state] = useMutation(document);
  const [reviewed, setReviewed] = useState<string | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  return {
    ...state,
    errors,
    saved,
    reviewing: (input: unknown) => reviewed === JSON.stringify(input),
    review: (input: unknown) => {
      setErrors([]);
      setSaved(null);
      setReviewed(JSON.stringify(input));
    },
    cancel: () => setReviewed(null),
    save: async (variables: TVariables, done: string, onSaved: () => void) => {
      const data = await run(variables);
      setReviewed(null);
      if (data) {
        setErrors(errorsOf(data));
        if (errorsOf(data).length === 0) {
          setSaved(done);
          onSaved();
        }
      }
    },
    changed: () => setSaved(null),
  };
}

const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A weekday's name in the agent's language (2024-01-01 was a Monday). */
function weekday(day: Weekday): string {
  const date = new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
  return new Intl.DateTimeFormat(consoleLanguage(), { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** Segment policies and delay reasons: agents read them, admins define them after reading what saving does. */
export function PoliciesPanel({ admin }: { admin: boolean }) {
  const loaded = useQuery(SegmentPoliciesDocument, {});
  const policies = loaded.data?.segmentPolicies ?? [];
  const yesNo = (value: boolean) => ct(value ? 'yes' : 'no');
  return (
    <section aria-labelledby="policies-title" className="panel">
      <h1 id="policies-title">{ct('policiesTitle')}</h1>
      <Failure error={loaded.error} />
      <div className="scroll" tabIndex={0}>
        <table aria-labelledby="policies-title">
          <thead>
            <tr>
              <th scope="col">{ct('colSegment')}</th>
              <th scope="col">{ct('colDefault')}</th>
              <th scope="col">{ct('colMayChoose')}</th>
              <th scope="col">{ct('colReceivingDays')}</th>
              <th scope="col">{ct('colFee')}</th>
              <th scope="col">{ct('colCancelAny')}</th>
              <th scope="col">{ct('colAutoApprove')}</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <tr key={policy.segment}>
                <td>{policy.segment}</td>
                <td>{label('pref', policy.defaultPreference)}</td>
                <td>{yesNo(policy.customerMayChoose)}</td>
                <td>{policy.receivingDays.map(weekday).join(', ') || ct('anyDay')}</td>
                <td>
                  {policy.extraParcelFees
                    .map((fee) =>
                      fee.own === null
                        ? ct('shopFeeIs', { fee: `${fee.currency} ${fee.inForce}` })
                        : `${fee.currency} ${fee.own}`,
                    )
                    .join(', ')}
                </td>
                <td>{yesNo(policy.cancelAnyUnshippedLine)}</td>
                <td>
                  {policy.autoApproveRefundAfterDaysLate === null
                    ? ct('never')
                    : ct('afterDaysLate', { days: policy.autoApproveRefundAfterDaysLate })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && <PolicyForm shopFees={loaded.data?.shopParcelFees ?? []} onSaved={loaded.reload} />}
      <h2>{ct('reasonsTitle')}</h2>
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{ct('reasonCode')}</th>
              {CONSOLE_LANGUAGES.map((language) => (
                <th scope="col" key={language}>
                  {NATIVE_NAMES[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {loaded.data?.delayReasons.map((reason) => (
              <tr key={reason.code}>
                <td>{reason.code}</td>
                {CONSOLE_LANGUAGES.map((language) => (
                  <td key={language} lang={language}>
                    {reason.texts.find((text) => text.language === language)?.text ?? ct('none')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && <ReasonForm onSaved={loaded.reload} />}
    </section>
  );
}

const emptyPolicy = {
  segment: '',
  defaultPreference: 'WAIT_FOR_ALL',
  customerMayChoose: true,
  receivingDays: [] as Weekday[],
  extraParcelFees: {} as Record<string, string>,
  cancelAnyUnshippedLine: false,
  autoApproveRefundAfterDaysLate: '',
};

/** The fees an admin typed, in the shop's currencies: those left empty take the shop's fee. */
function typedFees(shopFees: readonly ShopFee[], typed: Record<string, string>) {
  return shopFees
    .filter((fee) => typed[fee.currency]?.trim())
    .map((fee) => ({ currency: fee.currency, amount: typed[fee.currency].trim() }));
}

type ShopFee = { currency: string; inForce: string };

function PolicyForm({ shopFees, onSaved }: { shopFees: readonly ShopFee[]; onSaved: () => void }) {
  const [form, setForm] = useState(emptyPolicy);
  const policy = useDefinition(DefineSegmentPolicyDocument, (data) => data.defineSegmentPolicy.errors);
  const { errors } = policy;
  const fees = typedFees(shopFees, form.extraParcelFees);
  const input: SegmentPolicyInput = {
    segment: form.segment.trim(),
    defaultPreference: form.defaultPreference,
    customerMayChoose: form.customerMayChoose,
    receivingDays: form.receivingDays,
    extraParcelFees: fees,
    cancelAnyUnshippedLine: form.cancelAnyUnshippedLine,
    autoApproveRefundAfterDaysLate:
      form.autoApproveRefundAfterDaysLate.trim() === '' ? null : Number(form.autoApproveRefundAfterDaysLate),
  };
  const at = (field: string) => errorsAt(errors, field);
  // A fee's errors name its place in the list sent, which holds only the currencies given a fee.
  const feeErrors = (currency: string) => {
    const index = fees.findIndex((fee) => fee.currency === currency);
    return index < 0 ? [] : errors.filter((error) => error.field?.startsWith(`input.extraParcelFees[${index}]`));
  };
  const change = (patch: Partial<typeof emptyPolicy>) => {
    setForm({ ...form, ...patch });
    policy.changed();
  };
  const text = (field: 'segment' | 'autoApproveRefundAfterDaysLate', key: Parameters<typeof ct>[0]) => (
    <div className="field">
      <label>
        {ct(key)}
        <input
          value={form[field]}
          inputMode={field === 'segment' ? undefined : 'decimal'}
          onChange={(event) => change({ [field]: event.target.value })}
          {...invalidProps(at(field), `policy-${field}-error`)}
        />
      </label>
      <FieldError id={`policy-${field}-error`} errors={at(field)} />
    </div>
  );

  return (
    <form
      aria-labelledby="policy-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        policy.review(input);
      }}
    >
      <h2 id="policy-form-title">{ct('policyFormTitle')}</h2>
      {text('segment', 'segment')}
      <label>
        {ct('defaultPreference')}
        <select value={form.defaultPreference} onChange={(event) => change({ defaultPreference: event.target.value })}>
          <option value="WAIT_FOR_ALL">{ct('prefWAIT_FOR_ALL')}</option>
          <option value="SHIP_AS_AVAILABLE">{ct('prefSHIP_AS_AVAILABLE')}</option>
        </select>
      </label>
      <label className="option">
        <input
          type="checkbox"
          checked={form.customerMayChoose}
          onChange={(event) => change({ customerMayChoose: event.target.checked })}
        />
        {ct('mayChoose')}
      </label>
      <fieldset {...invalidProps(at('receivingDays'), 'policy-days-error')}>
        <legend>{ct('receivingDays')}</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="option">
            <input
              type="checkbox"
              checked={form.receivingDays.includes(day)}
              onChange={(event) =>
                change({
                  receivingDays: event.target.checked
                    ? WEEKDAYS.filter((d) => d === day || form.receivingDays.includes(d))
                    : form.receivingDays.filter((d) => d !== day),
                })
              }
            />
            {weekday(day)}
          </label>
        ))}
      </fieldset>
      <FieldError id="policy-days-error" errors={at('receivingDays')} />
      <fieldset>
        <legend>{ct('extraParcelFee')}</legend>
        {shopFees.map((fee) => (
          <div className="field" key={fee.currency}>
            <label>
              {fee.currency}
              <input
                value={form.extraParcelFees[fee.currency] ?? ''}
                inputMode="decimal"
                placeholder={fee.inForce}
                onChange={(event) =>
                  change({ extraParcelFees: { ...form.extraParcelFees, [fee.currency]: event.target.value } })
                }
                {...invalidProps(feeErrors(fee.currency), `policy-fee-${fee.currency}-error`)}
              />
            </label>
            <FieldError id={`policy-fee-${fee.currency}-error`} errors={feeErrors(fee.currency)} />
          </div>
        ))}
      </fieldset>
      <label className="option">
        <input
          type="checkbox"
          checked={form.cancelAnyUnshippedLine}
          onChange={(event) => change({ cancelAnyUnshippedLine: event.target.checked })}
        />
        {ct('cancelAny')}
      </label>
      {text('autoApproveRefundAfterDaysLate', 'autoApprove')}
      <div className="actions">
        <button type="submit">{ct('review')}</button>
      </div>
      {policy.reviewing(input) && (
        <Review
          testId="policy-review"
          confirm={ct('savePolicy')}
          running={policy.running}
          onCancel={policy.cancel}
          onConfirm={() =>
            void policy.save({ input }, ct('policySaved', { segment: input.segment }), () => {
              setForm(emptyPolicy);
              onSaved();
            })
          }
        >
          {ct('policyReview', {
            segment: input.segment,
            preference: label('pref', input.defaultPreference),
            choose: ct(input.customerMayChoose ? 'policyChoose' : 'policyNoChoose'),
            fee: shopFees
              .map((shop) => {
                const own = fees.find((fee) => fee.currency === shop.currency);
                return own
                  ? `${own.currency} ${own.amount}`
                  : ct('shopFeeIs', { fee: `${shop.currency} ${shop.inForce}` });
              })
              .join(', '),
          })}
        </Review>
      )}
      <FormErrors
        errors={errorsBesides(
          errors.filter((error) => !shopFees.some((fee) => feeErrors(fee.currency).includes(error))),
          ['segment', 'receivingDays', 'autoApproveRefundAfterDaysLate'],
        )}
      />
      <Failure error={policy.error} />
      {policy.saved && <p role="status">{policy.saved}</p>}
    </form>
  );
}

function ReasonForm({ onSaved }: { onSaved: () => void }) {
  const [code, setCode] = useState('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const reason = useDefinition(DefineDelayReasonDocument, (data) => data.defineDelayReason.errors);
  const { errors } = reason;
  const input = {
    code: code.trim(),
    texts: CONSOLE_LANGUAGES.filter((language) => texts[language]?.trim()).map((language) => ({
      language,
      text: texts[language].trim(),
    })),
  };
  const at = (field: string) => errorsAt(errors, field);

  return (
    <form
      aria-labelledby="reason-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        reason.review(input);
      }}
    >
      <h2 id="reason-form-title">{ct('reasonFormTitle')}</h2>
      <label>
        {ct('reasonCode')}
        <input
          value={code}
          onChange={(event) => setCode(event.target.value)}
          {...invalidProps(at('code'), 'reason-code-error')}
        />
      </label>
      <FieldError id="reason-code-error" errors={at('code')} />
      {CONSOLE_LANGUAGES.map((language) => (
        <label key={language}>
          {ct('reasonIn', { language: NATIVE_NAMES[language] })}
          <textarea
            lang={language}
            value={texts[language] ?? ''}
            onChange={(event) => setTexts({ ...texts, [language]: event.target.value })}
          />
        </label>
      ))}
      <div className="actions">
        <button type="submit">{ct('review')}</button>
      </div>
      {reason.reviewing(input) && (
        <Review
          testId="reason-review"
          confirm={ct('saveReason')}
          running={reason.running}
          onCancel={reason.cancel}
          onConfirm={() =>
            void reason.save({ input }, ct('reasonSaved', { code: input.code }), () => {
              setCode('');
              setTexts({});
              onSaved();
            })
          }
        >
          {ct('reasonReview', { code: input.code })}
        </Review>
      )}
      <FormErrors errors={errorsBesides(errors, ['code'])} />
      <Failure error={reason.error} />
      {reason.saved && <p role="status">{reason.saved}</p>}
    </form>
  );
}
