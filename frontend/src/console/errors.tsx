import { Component, type ReactNode } from 'react';
import type { RequestError } from './client';
import { wholeUnits } from './format';
import { ct } from './messages';

/** A user error from a mutation's payload: a stable code, the input field's path, a sentence. */
export type UserError = { code: string; field: string; message: string };

/** The errors about one input field; the payload names fields from the input's root (`input.lines[0].quantity`). */
export function errorsAt(errors: readonly UserError[], field: string): UserError[] {
  return errors.filter((error) => error.field === field || error.field === `input.${field}`);
}

/** The errors no field on the form shows, said beside the form's button. */
export function errorsBesides(errors: readonly UserError[], fields: readonly string[]): UserError[] {
  return errors.filter((error) => !fields.some((field) => errorsAt([error], field).length > 0));
}

/** Units typed per SKU that the API cannot take (a part, a negative number): each an error said next to its SKU. */
export function unitsNotWhole(typed: readonly (readonly [sku: string, units: string])[]): UserError[] {
  return typed
    .filter(([, units]) => units.trim() !== '' && !wholeUnits(units))
    .map(([sku]) => ({ code: 'INVALID_QUANTITY', field: `units.${sku}`, message: ct('unitsWhole') }));
}

/**
 * The errors about one SKU's units: those the form found ({@link unitsNotWhole}), and the API's, which names a
 * quantity by its place in the list sent (`quantities[1].quantity`), a list that leaves out the SKUs not sent.
 */
export function unitsErrorsAt(
  errors: readonly UserError[],
  list: string,
  sent: readonly { sku: string }[],
  sku: string,
): UserError[] {
  const place = sent.findIndex((line) => line.sku === sku);
  return [...(place < 0 ? [] : errorsAt(errors, `${list}[${place}].quantity`)), ...errorsAt(errors, `units.${sku}`)];
}

/** Props that tie an input to the message under it: aria-invalid and aria-describedby. */
export function invalidProps(errors: readonly UserError[], id: string) {
  return errors.length > 0 ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}

/** The messages about one field, under it. */
export function FieldError({ id, errors }: { id: string; errors: readonly UserError[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <span id={id} className="error field-error">
      {errors.map((error) => error.message).join(' ')}
    </span>
  );
}

/** A request that failed, said next to what it was for. */
export function Failure({ error, what }: { error?: RequestError | null; what?: string }) {
  if (!error) {
    return null;
  }
  return (
    <p className="error" role="alert">
      {what ? ct('failedWhat', { what, reason: error.message }) : error.message}
    </p>
  );
}

/** Errors left over from a payload, beside the button that sent it. */
export function FormErrors({ errors }: { errors: readonly UserError[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <ul className="error" role="alert">
      {errors.map((error) => (
        <li key={error.code + error.field + error.message}>{error.message}</li>
      ))}
    </ul>
  );
}

/** Catches what a panel throws while rendering, so that one broken panel leaves the rest of the console working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <div className="panel" role="alert">
          <p className="error">{ct('panelBroke', { reason: this.state.error.message })}</p>
          <button type="button" onClick={() => this.setState({ error: null })}>
            {ct('tryAgain')}
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
