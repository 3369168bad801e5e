import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../api/client';
import type { Job } from '../../api/types';
import {
  emptyJobForm,
  fieldOfServerError,
  toNewJob,
  validateJobForm,
  type FieldErrors,
  type JobField,
  type JobFormValues,
} from './jobForm';

interface Props {
  onCreated: (job: Job) => void;
  onCancel: () => void;
  /** Sends the job; the REST client unless a test passes another. */
  submit?: typeof api.createJob;
}

const MODELS = ['claude-sonnet-4-6', 'claude-opus-4-6', 'claude-haiku-4-5'];

/** A new job with every field the server takes; refusals appear beside the field the server names. */
export function JobForm({ onCreated, onCancel, submit = api.createJob }: Props) {
  const [values, setValues] = useState<JobFormValues>(emptyJobForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof JobFormValues>(key: K, value: JobFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = validateJobForm(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const job = await submit(toNewJob(values));
      setValues(emptyJobForm);
      onCreated(job);
    } catch (e) {
      if (e instanceof ApiError) setErrors({ [fieldOfServerError(e.field)]: e.message });
      else setErrors({ form: String(e) });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: JobField, label: string, input: ReactNode, hint?: string) => (
    <label className={`field${errors[name] ? ' field-bad' : ''}`}>
      <span className="field-label">{label}</span>
      {input}
      {hint && !errors[name] && <span className="field-hint">{hint}</span>}
      {errors[name] && (
        <span className="field-error" role="alert" data-testid={`job-field-error-${name}`}>
          {errors[name]}
        </span>
      )}
    </label>
  );
  const text = (name: Exclude<JobField, 'context' | 'stopMode'>, props: Record<string, unknown> = {}) => (
    <input
      data-testid={`job-field-${name}`}
      name={name}
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      {...props}
    />
  );

  return (
    <form className="job-form" data-testid="job-form" onSubmit={onSubmit} noValidate>
      <h2>New job</h2>
      {field(
        'description',
        'Description *',
        <textarea
          data-testid="job-field-description"
          name="description"
          rows={5}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
          placeholder="What should the agent do?"
        />,
      )}
      <div className="form-grid">
        {field('title', 'Title', text('title', { placeholder: 'from the first line' }))}
        {field('priority', 'Priority', text('priority', { inputMode: 'numeric' }), '-10..10, higher first')}
        {field('model', 'Model', <>{text('model', { list: 'models', placeholder: 'server default' })}<datalist id="models">{MODELS.map((m) => <option key={m} value={m} />)}</datalist></>)}
        {field('workDir', 'Work dir', text('workDir', { placeholder: "server's working dir" }))}
        {field('maxTurns', 'Max turns', text('maxTurns', { inputMode: 'numeric' }))}
        {field(
          'stopMode',
          'Stop mode',
          <select
            data-testid="job-field-stopMode"
            name="stopMode"
            value={values.stopMode}
            onChange={(e) => set('stopMode', e.target.value as JobFormValues['stopMode'])}
          >
            <option value="">default</option>
            <option value="turns">turns</option>
            <option value="budget">budget (US$)</option>
            <option value="time">time (minutes)</option>
            <option value="completion">completion</option>
          </select>,
        )}
        {field('stopValue', 'Stop value', text('stopValue', { inputMode: 'decimal' }))}
        {field('dependsOn', 'Depends on', text('dependsOn', { placeholder: 'job ids, comma separated' }))}
        {field('scheduledAt', 'Scheduled at', text('scheduledAt', { type: 'datetime-local' }))}
        {field('repeatIntervalSeconds', 'Repeat every (s)', text('repeatIntervalSeconds', { inputMode: 'numeric' }))}
      </div>
      <fieldset className={`context${errors.context ? ' field-bad' : ''}`}>
        <legend>Context</legend>
        {values.context.map((row, i) => (
          <div className="context-row" key={i}>
            <input
              data-testid={`job-field-context-key-${i}`}
              placeholder="key"
              value={row.key}
              onChange={(e) => set('context', values.context.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))}
            />
            <input
              data-testid={`job-field-context-value-${i}`}
              placeholder="value"
              value={row.value}
              onChange={(e) => set('context', values.context.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
            />
            <button type="button" className="link" onClick={() => set('context', values.context.filter((_, j) => j !== i))}>
              remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="link"
          data-testid="job-context-add"
          onClick={() => set('context', [...values.context, { key: '', value: '' }])}
        >
          + add key/value
        </button>
        {errors.context && (
          <span className="field-error" role="alert" data-testid="job-field-error-context">
            {errors.context}
          </span>
        )}
      </fieldset>
      {errors.form && (
        <div className="form-error" role="alert" data-testid="job-form-error">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <button type="button" onClick={onCancel} data-testid="job-form-cancel">
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy} data-testid="job-form-submit">
          {busy ? 'Creating…' : 'Create job'}
        </button>
      </div>
    </form>
  );
}
