import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Question } from '../../api/types';
import { useLiveDispatch } from '../../live/hooks';

/** The question a waiting agent asked, and the box to answer it. */
export function QuestionBox({ question }: { question: Question }) {
  const dispatch = useLiveDispatch();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    setBusy(true);
    setError(null);
    try {
      dispatch({ type: 'question', question: await api.answer(question.id, answer) });
      setAnswer('');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="question" data-testid="question-box" data-question-id={question.id}>
      <div className="question-label">The agent asks:</div>
      <div className="question-text" data-testid="question-text">
        {question.question}
      </div>
      <textarea
        data-testid="question-answer-input"
        rows={3}
        value={answer}
        placeholder="Your answer"
        onChange={(e) => setAnswer(e.target.value)}
      />
      {error && <div className="field-error">{error}</div>}
      <button
        type="button"
        className="primary"
        data-testid="question-answer-submit"
        disabled={busy || !answer.trim()}
        onClick={send}
      >
        Answer
      </button>
    </div>
  );
}
