import type { Weekday } from '../generated/graphql';
import { FieldError, invalidProps, type UserError } from './errors';
import { WEEKDAYS, weekday } from './format';

/**
 * Days of the week ticked one by one under a legend, kept in the week's order, with what the API said of them beside
 * them: a supplier's shipping days, a segment's receiving days.
 */
export function WeekdayChoice({
  legend,
  days,
  chosen,
  onChange,
  errors,
  errorId,
}: {
  legend: string;
  days: readonly Weekday[];
  chosen: readonly Weekday[];
  onChange: (chosen: Weekday[]) => void;
  errors: readonly UserError[];
  errorId: string;
}) {
  return (
    <>
      <fieldset {...invalidProps(errors, errorId)}>
        <legend>{legend}</legend>
        {days.map((day) => (
          <label key={day} className="option">
            <input
              type="checkbox"
              checked={chosen.includes(day)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? WEEKDAYS.filter((d) => d === day || chosen.includes(d))
                    : chosen.filter((d) => d !== day),
                )
              }
            />
            {weekday(day)}
          </label>
        ))}
      </fieldset>
      <FieldError id={errorId} errors={errors} />
    </>
  );
}
