import type { AgentOrderViewFragment } from '../generated/graphql';
import { time } from './format';
import { ct } from './messages';

/** The customer's answer to the question at the end: how satisfied with how they were kept informed, and why. */
export function CustomerAnswer({ feedback }: { feedback: AgentOrderViewFragment['feedback'] }) {
  return (
    <section aria-labelledby="customer-answer-title" data-testid="customer-answer">
      <h3 id="customer-answer-title">{ct('answerTitle')}</h3>
      {feedback ? (
        <>
          <p>
            {ct('answerScore', { score: String(feedback.score) })}{' '}
            <span className="hint">
              {feedback.changedAt === feedback.answeredAt
                ? ct('answerGiven', { at: time(feedback.answeredAt) })
                : ct('answerChanged', { at: time(feedback.answeredAt), changed: time(feedback.changedAt) })}
            </span>
          </p>
          {feedback.comment && <blockquote>{feedback.comment}</blockquote>}
        </>
      ) : (
        <p>{ct('answerNone')}</p>
      )}
    </section>
  );
}
