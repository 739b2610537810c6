import type { DelayReason } from '../generated/graphql';
import { FieldError, invalidProps, type UserError } from './errors';
import { ct, reasonText } from './messages';

type Reason = Pick<DelayReason, 'code'> & { texts: readonly { language: string; text: string }[] };

/**
 * The reason customers read when their date moves: one of the shop's delay reasons, or the agent's own words (read as
 * written, untranslated), and the internal note only agents read.
 */
export function ReasonFields(props: {
  id: string;
  reasons: readonly Reason[];
  reasonCode: string;
  reasonText: string;
  note: string;
  errors: readonly UserError[];
  onChange: (patch: { reasonCode?: string; reasonText?: string; note?: string }) => void;
}) {
  const errorId = `${props.id}-reason-error`;
  return (
    <>
      <label>
        {ct('reason')}
        <select
          aria-label={ct('reason')}
          value={props.reasonCode}
          onChange={(event) => props.onChange({ reasonCode: event.target.value })}
        >
          {props.reasons.map((reason) => (
            <option key={reason.code} value={reason.code}>
              {reasonText(reason)}
            </option>
          ))}
          <option value="">{ct('reasonOther')}</option>
        </select>
      </label>
      {!props.reasonCode && (
        <>
          <label>
            {ct('reasonText')}
            <textarea
              value={props.reasonText}
              onChange={(event) => props.onChange({ reasonText: event.target.value })}
              {...invalidProps(props.errors, errorId)}
            />
          </label>
          <p className="hint">{ct('reasonUntranslated')}</p>
          <FieldError id={errorId} errors={props.errors} />
        </>
      )}
      <label>
        {ct('note')}
        <textarea value={props.note} onChange={(event) => props.onChange({ note: event.target.value })} />
      </label>
    </>
  );
}
