import type { ReactNode } from 'react';
import { doneWith, useBroughtIntoView } from './focus';
import { ct } from './messages';
import { WholeCodes } from './WholeCodes';

/**
 * What an action will do, said in full before it is done, with the one button that does it. The review belongs to
 * the input it was made for: callers show it only while that input is unchanged. A sentence is one paragraph, the
 * codes in it kept whole; anything else (paragraphs, a list of what moves) is shown as given. It and its button are
 * red only where the action takes something away (a link revoked, a purchase order cancelled, a receipt or a delay
 * taken back); otherwise it is marked as a step to read, not as an error. Focus moves to it as it appears, and when
 * it goes, to the outcome (confirmed) or back to what asked for it.
 */
export function Review(props: {
  testId: string;
  children: ReactNode;
  confirm: string;
  danger?: boolean;
  running: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** What the button that leaves things as they are says, where "Cancel" would read as the action itself. */
  cancelLabel?: string;
}) {
  // It appears below the form that asked for it: the agent reads it, and the keyboard goes on to its button, from here.
  const review = useBroughtIntoView<HTMLDivElement>('nearest');
  return (
    <div
      ref={review}
      tabIndex={-1}
      className={props.danger ? 'review danger' : 'review'}
      data-testid={props.testId}
      aria-live="polite"
    >
      {typeof props.children === 'string' ? (
        <p>
          <WholeCodes text={props.children} />
        </p>
      ) : (
        <div>{props.children}</div>
      )}
      <div className="actions">
        <button
          type="button"
          className={props.danger ? 'danger' : undefined}
          disabled={props.running}
          onClick={(event) => {
            doneWith(event.currentTarget);
            props.onConfirm();
          }}
        >
          {props.confirm}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={(event) => {
            doneWith(event.currentTarget, false);
            props.onCancel();
          }}
        >
          {props.cancelLabel ?? ct('cancel')}
        </button>
      </div>
    </div>
  );
}
