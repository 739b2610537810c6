import { useEffect, useRef, useState } from 'react';
import {
  type TypedDocumentString,
  DefineDelayReasonDocument,
  DefineSegmentPolicyDocument,
  SegmentPoliciesDocument,
  type SegmentPoliciesQuery,
  type SegmentPolicyInput,
  type Weekday,
} from '../generated/graphql';
import { useMutation, useQuery } from './api';
import { errorsAt, errorsBesides, Failure, FieldError, FormErrors, invalidProps, type UserError } from './errors';
import { apiInt, money, typedAmount, weekday, WEEKDAYS } from './format';
import { CONSOLE_LANGUAGES, ct, label, languageName, NATIVE_NAMES } from './messages';
import { Review } from './Review';
import { WeekdayChoice } from './WeekdayChoice';
import type { Language } from '../i18n/messages';

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
    /**
     * Reviews the input unless the form's own check refused it: then no review, and what was saved before is no
     * longer the news beside those errors.
     */
    review: (input: unknown, refused: readonly UserError[]) => {
      setSaved(null);
      if (refused.length === 0) {
        setErrors([]);
        setReviewed(JSON.stringify(input));
      } else {
        setReviewed(null);
      }
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

/** Segment policies and delay reasons: agents read them, admins define them after reading what saving does. */
export function PoliciesPanel({ admin }: { admin: boolean }) {
  const loaded = useQuery(SegmentPoliciesDocument, {});
  const policies = loaded.data?.segmentPolicies ?? [];
  // Each "Edit" starts the form afresh from that policy, even the same one twice.
  const [editing, setEditing] = useState<{ policy: Policy; turn: number } | null>(null);
  const reasons = loaded.data?.delayReasons ?? [];
  // Each "Reword" starts the reason's form afresh from its words in every language.
  const [rewording, setRewording] = useState<{ reason: Reason; turn: number } | null>(null);
  const yesNo = (value: boolean) => ct(value ? 'yes' : 'no');
  return (
    <section aria-labelledby="policies-title" className="panel">
      <h1 id="policies-title">{ct('policiesTitle')}</h1>
      <Failure error={loaded.error} />
      <div className="scroll" tabIndex={0} role="region" aria-labelledby="policies-title">
        <table aria-labelledby="policies-title" className="stacks">
          <thead>
            <tr>
              <th scope="col">{ct('colSegment')}</th>
              <th scope="col">{ct('colDefault')}</th>
              <th scope="col">{ct('colMayChoose')}</th>
              <th scope="col">{ct('colReceivingDays')}</th>
              <th scope="col">{ct('colFee')}</th>
              <th scope="col">{ct('colCancelAny')}</th>
              <th scope="col">{ct('colAutoApprove')}</th>
              {admin && (
                <th scope="col">
                  <span className="visually-hidden">{ct('editPolicy')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <tr key={policy.segment}>
                <td data-label={ct('colSegment')}>{policy.segment}</td>
                <td data-label={ct('colDefault')}>{label('pref', policy.defaultPreference)}</td>
                <td data-label={ct('colMayChoose')}>{yesNo(policy.customerMayChoose)}</td>
                <td data-label={ct('colReceivingDays')}>
                  {policy.receivingDays.map(weekday).join(', ') || ct('anyDay')}
                </td>
                <td data-label={ct('colFee')}>
                  {policy.defaultPreference === 'SHIP_AS_AVAILABLE'
                    ? ct('feeShopsCost')
                    : policy.extraParcelFees
                        .map((fee) =>
                          fee.own === null
                            ? ct('shopFeeIs', { fee: money(fee.inForce, fee.currency) })
                            : money(fee.own, fee.currency),
                        )
                        .join(', ')}
                </td>
                <td data-label={ct('colCancelAny')}>{yesNo(policy.cancelAnyUnshippedLine)}</td>
                <td data-label={ct('colAutoApprove')}>
                  {policy.autoApproveRefundAfterDaysLate === null
                    ? ct('never')
                    : ct('afterDaysLate', { days: policy.autoApproveRefundAfterDaysLate })}
                </td>
                {admin && (
                  <StartFormCell
                    label={ct('editPolicy')}
                    name={ct('editPolicyOf', { segment: policy.segment })}
                    onStart={() => setEditing({ policy, turn: (editing?.turn ?? 0) + 1 })}
                  />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && (
        <PolicyForm
          key={`policy-${editing?.turn ?? 0}`}
          start={editing?.policy ?? null}
          defined={policies.map((policy) => policy.segment)}
          shopFees={loaded.data?.shopParcelFees ?? []}
          onSaved={loaded.reload}
        />
      )}
      <h2 id="reasons-title">{ct('reasonsTitle')}</h2>
      <div className="scroll" tabIndex={0} role="region" aria-labelledby="reasons-title">
        <table aria-labelledby="reasons-title" className="stacks">
          <thead>
            <tr>
              <th scope="col">{ct('reasonCode')}</th>
              {CONSOLE_LANGUAGES.map((language) => (
                <th scope="col" key={language}>
                  {NATIVE_NAMES[language]}
                </th>
              ))}
              {admin && (
                <th scope="col">
                  <span className="visually-hidden">{ct('rewordReason')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {reasons.map((reason) => (
              <tr key={reason.code}>
                <td data-label={ct('reasonCode')}>{reason.code}</td>
                {CONSOLE_LANGUAGES.map((language) => (
                  <td key={language} lang={language} data-label={NATIVE_NAMES[language]}>
                    {reason.texts.find((text) => text.language === language)?.text ?? ct('none')}
                  </td>
                ))}
                {admin && (
                  <StartFormCell
                    label={ct('rewordReason')}
                    name={ct('rewordReasonOf', { code: reason.code })}
                    onStart={() => setRewording({ reason, turn: (rewording?.turn ?? 0) + 1 })}
                  />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {admin && (
        <ReasonForm
          key={`reason-${rewording?.turn ?? 0}`}
          start={rewording?.reason ?? null}
          known={reasons}
          onSaved={loaded.reload}
        />
      )}
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

type Policy = SegmentPoliciesQuery['segmentPolicies'][number];

/** The fees an admin typed, in the shop's currencies: those left empty take the shop's fee. */
function typedFees(shopFees: readonly ShopFee[], typed: Record<string, string>) {
  return shopFees
    .filter((fee) => typed[fee.currency]?.trim())
    .map((fee) => ({ currency: fee.currency, amount: typedAmount(typed[fee.currency]) }));
}

/** The smallest unit a currency has, in decimals: 2 for DKK, 0 for JPY. */
function decimalsOf(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The most an extra parcel may cost in any currency, as the API takes it. */
const MOST_A_PARCEL_COSTS = 10_000;

/** What the form can tell before anything is sent, at the fields the server would name. */
function checked(input: SegmentPolicyInput): UserError[] {
  const errors: UserError[] = [];
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(input.segment)) {
    errors.push({ code: 'INVALID_SEGMENT', field: 'input.segment', message: ct('segmentInvalid') });
  }
  (input.extraParcelFees ?? []).forEach((fee, index) => {
    const field = `input.extraParcelFees[${index}].amount`;
    if (!/^\d+(\.\d+)?$/.test(fee.amount)) {
      errors.push({ code: 'INVALID_AMOUNT', field, message: ct('feeInvalid') });
    } else if ((fee.amount.split('.')[1]?.replace(/0+$/, '').length ?? 0) > decimalsOf(fee.currency)) {
      errors.push({
        code: 'INVALID_AMOUNT',
        field,
        message: ct('feeTooFine', { currency: fee.currency, digits: decimalsOf(fee.currency) }),
      });
    } else if (Number(fee.amount) > MOST_A_PARCEL_COSTS) {
      errors.push({
        code: 'INVALID_AMOUNT',
        field,
        message: ct('feeTooLarge', { amount: money(String(MOST_A_PARCEL_COSTS), fee.currency) }),
      });
    }
  });
  const days = input.autoApproveRefundAfterDaysLate;
  if (days !== null && days !== undefined && !(Number.isInteger(days) && days >= 0)) {
    errors.push({ code: 'INVALID_DAYS', field: 'input.autoApproveRefundAfterDaysLate', message: ct('daysWhole') });
  }
  return errors;
}

type ShopFee = { currency: string; inForce: string };

/** A policy as the form holds it, from one in force when it is edited. */
function formOf(policy: Policy | null) {
  if (!policy) {
    return emptyPolicy;
  }
  return {
    segment: policy.segment,
    defaultPreference: policy.defaultPreference,
    customerMayChoose: policy.customerMayChoose,
    receivingDays: policy.receivingDays,
    extraParcelFees: Object.fromEntries(
      policy.extraParcelFees.filter((fee) => fee.own !== null).map((fee) => [fee.currency, fee.own ?? '']),
    ),
    cancelAnyUnshippedLine: policy.cancelAnyUnshippedLine,
    autoApproveRefundAfterDaysLate: policy.autoApproveRefundAfterDaysLate?.toString() ?? '',
  };
}

// Goods are delivered Monday to Friday: the weekend is not offered, as the API would refuse it.
const RECEIVING_DAYS = WEEKDAYS.slice(0, 5);

function PolicyForm({
  start,
  defined,
  shopFees,
  onSaved,
}: {
  start: Policy | null;
  defined: readonly string[];
  shopFees: readonly ShopFee[];
  onSaved: () => void;
}) {
  const [form, setForm] = useState(() => formOf(start));
  const [local, setLocal] = useState<UserError[]>([]);
  const policy = useDefinition(DefineSegmentPolicyDocument, (data) => data.defineSegmentPolicy.errors);
  const errors = local.length > 0 ? local : policy.errors;
  const splitByDefault = form.defaultPreference === 'SHIP_AS_AVAILABLE';
  // A segment that ships items as they are ready by default asks no fee: that is the shop's choice, at its cost.
  const fees = splitByDefault ? [] : typedFees(shopFees, form.extraParcelFees);
  const input: SegmentPolicyInput = {
    segment: form.segment.trim().toUpperCase(),
    defaultPreference: form.defaultPreference,
    customerMayChoose: form.customerMayChoose,
    receivingDays: form.receivingDays,
    extraParcelFees: fees,
    cancelAnyUnshippedLine: form.cancelAnyUnshippedLine,
    autoApproveRefundAfterDaysLate:
      form.autoApproveRefundAfterDaysLate.trim() === '' ? null : apiInt(form.autoApproveRefundAfterDaysLate),
  };
  const at = (field: string) => errorsAt(errors, field);
  // A fee's errors name its place in the list sent, which holds only the currencies given a fee.
  const feeErrors = (currency: string) => {
    const index = fees.findIndex((fee) => fee.currency === currency);
    return index < 0 ? [] : errors.filter((error) => error.field?.startsWith(`input.extraParcelFees[${index}]`));
  };
  // Each change applies to the form as it stands when React applies it, not as this render saw it: two changes in
  // quick succession (a checkbox, then the next) keep both.
  type Form = typeof emptyPolicy;
  const change = (patch: Partial<Form> | ((current: Form) => Partial<Form>)) => {
    setForm((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));
    policy.changed();
  };
  // An edit opens with the keyboard on the first field, once: not again at each key typed in another.
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (start) {
      first.current?.focus();
    }
  }, [start]);
  const text = (field: 'segment' | 'autoApproveRefundAfterDaysLate', key: Parameters<typeof ct>[0]) => (
    <div className="field">
      <label>
        {ct(key)}
        <input
          ref={field === 'segment' ? first : undefined}
          value={form[field]}
          inputMode={field === 'segment' ? undefined : 'numeric'}
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
        const found = checked(input);
        setLocal(found);
        policy.review(input, found);
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
      <WeekdayChoice
        legend={ct('receivingDays')}
        days={RECEIVING_DAYS}
        chosen={form.receivingDays}
        onChange={(receivingDays) => change({ receivingDays })}
        errors={at('receivingDays')}
        errorId="policy-days-error"
      />
      <fieldset {...invalidProps(at('extraParcelFees'), 'policy-fees-error')}>
        <legend>{ct('extraParcelFee')}</legend>
        {splitByDefault && <p className="hint">{ct('feeSplitDefaultHint')}</p>}
        {shopFees.map((fee) => (
          <div className="field" key={fee.currency}>
            <label>
              {fee.currency}
              <input
                value={splitByDefault ? '' : (form.extraParcelFees[fee.currency] ?? '')}
                inputMode="decimal"
                disabled={splitByDefault}
                placeholder={fee.inForce}
                onChange={(event) => {
                  const amount = event.target.value;
                  change((current) => ({
                    extraParcelFees: { ...current.extraParcelFees, [fee.currency]: amount },
                  }));
                }}
                {...invalidProps(feeErrors(fee.currency), `policy-fee-${fee.currency}-error`)}
              />
            </label>
            <FieldError id={`policy-fee-${fee.currency}-error`} errors={feeErrors(fee.currency)} />
          </div>
        ))}
        <FieldError id="policy-fees-error" errors={at('extraParcelFees')} />
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
        <button type="submit">{ct('reviewPolicy')}</button>
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
          <p>
            {ct(defined.includes(input.segment) ? 'policyReview' : 'policyReviewNew', {
              segment: input.segment,
              preference: label('pref', input.defaultPreference),
              choose: ct(input.customerMayChoose ? 'policyChoose' : 'policyNoChoose'),
              fee: splitByDefault
                ? ct('feeShopsCost')
                : shopFees
                    .map((shop) => {
                      const own = fees.find((fee) => fee.currency === shop.currency);
                      return own
                        ? money(own.amount, own.currency)
                        : ct('shopFeeIs', { fee: money(shop.inForce, shop.currency) });
                    })
                    .join(', '),
            })}
          </p>
          <p>
            {ct('policyReviewTerms', {
              days: form.receivingDays.map(weekday).join(', ') || ct('anyDay'),
              cancel: ct(input.cancelAnyUnshippedLine ? 'policyCancelAny' : 'policyCancelLate'),
              refunds:
                input.autoApproveRefundAfterDaysLate === null || input.autoApproveRefundAfterDaysLate === undefined
                  ? ct('policyRefundsAgent')
                  : ct('policyRefundsAuto', { days: input.autoApproveRefundAfterDaysLate }),
            })}
          </p>
        </Review>
      )}
      <FormErrors
        errors={errorsBesides(
          errors.filter((error) => !shopFees.some((fee) => feeErrors(fee.currency).includes(error))),
          ['segment', 'receivingDays', 'extraParcelFees', 'autoApproveRefundAfterDaysLate'],
        )}
      />
      <Failure error={policy.error} />
      {policy.saved && <p role="status">{policy.saved}</p>}
    </form>
  );
}

/** A row's button that starts the form below afresh from that row: its name says which row. */
function StartFormCell({ label, name, onStart }: { label: string; name: string; onStart: () => void }) {
  return (
    <td>
      <button type="button" className="secondary" aria-label={name} onClick={onStart}>
        {label}
      </button>
    </td>
  );
}

type Reason = SegmentPoliciesQuery['delayReasons'][number];

/** A reason's words by language, as the form holds them. */
const wordsOf = (reason: Reason | undefined) =>
  Object.fromEntries((reason?.texts ?? []).map((text) => [text.language, text.text])) as Record<string, string>;

/**
 * Adds a delay reason, or rewords one: a known code brings its words into the form, and the review names any words a
 * language loses. What the API would refuse is said next to its field before the review.
 */
function ReasonForm({
  start,
  known,
  onSaved,
}: {
  start: Reason | null;
  known: readonly Reason[];
  onSaved: () => void;
}) {
  const [code, setCode] = useState(start?.code ?? '');
  const [texts, setTexts] = useState<Record<string, string>>(() => wordsOf(start ?? undefined));
  const [local, setLocal] = useState<UserError[]>([]);
  const reason = useDefinition(DefineDelayReasonDocument, (data) => data.defineDelayReason.errors);
  const errors = local.length > 0 ? local : reason.errors;
  const input = {
    code: code.trim(),
    texts: CONSOLE_LANGUAGES.filter((language) => texts[language]?.trim()).map((language) => ({
      language,
      text: texts[language].trim(),
    })),
  };
  const existing = known.find((candidate) => candidate.code === input.code);
  // Words a language had and would no longer have: said in the review, not lost unseen.
  const removed = (existing?.texts ?? []).filter(
    (text) => !input.texts.some((kept) => kept.language === text.language),
  );
  const at = (field: string) => errorsAt(errors, field);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (start) {
      first.current?.focus();
    }
  }, [start]);

  return (
    <form
      aria-labelledby="reason-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const refused = reasonErrors(input);
        setLocal(refused);
        reason.review(input, refused);
      }}
    >
      <h2 id="reason-form-title">{start ? ct('rewordReasonTitle', { code: start.code }) : ct('reasonFormTitle')}</h2>
      <label>
        {ct('reasonCode')}
        <input
          ref={first}
          value={code}
          onChange={(event) => {
            const typed = event.target.value;
            setCode(typed);
            setLocal([]);
            // A known code, its fields still empty: its words come in to be reworded, not lost.
            const match = known.find((candidate) => candidate.code === typed.trim());
            if (match && Object.values(texts).every((text) => !text.trim())) {
              setTexts(wordsOf(match));
            }
          }}
          {...invalidProps(at('code'), 'reason-code-error')}
        />
      </label>
      <FieldError id="reason-code-error" errors={at('code')} />
      {CONSOLE_LANGUAGES.map((language) => (
        <div className="field" key={language}>
          <label>
            {ct('reasonIn', { language: languageName(language) })}
            <textarea
              lang={language}
              value={texts[language] ?? ''}
              onChange={(event) => {
                setTexts({ ...texts, [language]: event.target.value });
                setLocal([]);
              }}
              {...invalidProps(at(`texts.${language}`), `reason-${language}-error`)}
            />
          </label>
          <FieldError id={`reason-${language}-error`} errors={at(`texts.${language}`)} />
        </div>
      ))}
      <div className="actions">
        <button type="submit">{ct('reviewReason')}</button>
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
          {removed.map((text) => (
            <span key={text.language} className="warning" data-testid="reason-removed">
              {' '}
              {ct('reasonReviewRemoves', { language: languageName(text.language as Language), text: text.text })}
            </span>
          ))}
        </Review>
      )}
      <FormErrors
        errors={errorsBesides(errors, ['code', ...CONSOLE_LANGUAGES.map((language) => `texts.${language}`)])}
      />
      <Failure error={reason.error} />
      {reason.saved && <p role="status">{reason.saved}</p>}
    </form>
  );
}

/** What the API refuses of a reason, said before the review: its code's form, English required, 300 characters. */
function reasonErrors(input: { code: string; texts: { language: string; text: string }[] }): UserError[] {
  const refused: UserError[] = [];
  if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(input.code)) {
    refused.push({ code: 'INVALID_CODE', field: 'input.code', message: ct('reasonCodeInvalid') });
  }
  if (!input.texts.some((text) => text.language === 'en')) {
    refused.push({ code: 'REQUIRED', field: 'input.texts.en', message: ct('reasonEnglishRequired') });
  }
  for (const text of input.texts) {
    if (text.text.length > 300) {
      refused.push({ code: 'TOO_LONG', field: `input.texts.${text.language}`, message: ct('reasonTooLong') });
    }
  }
  return refused;
}
