import { useId, useState } from 'react';
import type { Translate } from '../i18n/i18n';
import { answerQuestion, type CustomerOrder } from './api';

type Props = { order: CustomerOrder; token: string; t: Translate; onChange: (order: CustomerOrder) => void };

const SCORES = [1, 2, 3, 4, 5] as const;

/** The one question at the end: how satisfied the customer is with how they were kept informed. */
export function QuestionPanel({ order, token, t, onChange }: Props) {
  const { question } = order;
  const [score, setScore] = useState<number | null>(question.score);
  const [comment, setComment] = useState(question.comment ?? '');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const commentId = useId();
  const changeable =
    question.changeableUntil === null || new Date(question.changeableUntil).getTime() > Date.now();
  if (!question.asked || !changeable) {
    return null;
  }

  const saving = status === 'saving';
  const submit = () => {
    if (score === null || saving) {
      return;
    }
    setStatus('saving');
    answerQuestion(token, score, comment.trim() || null)
      .then((outcome) => {
        if ('order' in outcome) {
          onChange(outcome.order);
          setStatus('saved');
        } else {
          setStatus('failed');
        }
      })
      .catch(() => setStatus('failed'));
  };

  return (
    <form
      className="question"
      data-testid="question"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {/* Not disabled while the answer is saved: that would drop the focus of the customer who just sent it. */}
      <fieldset aria-busy={saving}>
        <legend>{t('question.title')}</legend>
        <div className="scores">
          {SCORES.map((value) => (
            <label key={value} className="score">
              <input
                type="radio"
                name="score"
                value={value}
                checked={score === value}
                onChange={() => setScore(value)}
              />
              <span>{t(`question.score.${value}`)}</span>
            </label>
          ))}
        </div>
        <label htmlFor={commentId}>{t('question.comment')}</label>
        <textarea id={commentId} maxLength={2000} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} />
        <div className="actions">
          <button type="submit" disabled={score === null}>
            {question.score === null ? t('question.send') : t('question.change')}
          </button>
        </div>
      </fieldset>
      <p aria-live="polite" className="choice-status">
        {status === 'saved' && t('question.thanks')}
        {status === 'failed' && t('error.generic')}
      </p>
    </form>
  );
}
