import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Job } from '../../api/types';
import { Button, ErrorState, Field, fieldErrors, TextArea, TextInput } from '../common';

/** What a job that has not started yet allows: start it now, or change its title and description. */
export function QueuedJobActions({ job }: { job: Job }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(job.title);
  const [description, setDescription] = useState(job.description);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!description.trim()) {
      setErrors({ description: 'required' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await api.editJob(job.id, { title, description });
      setEditing(false);
    } catch (e) {
      setErrors(fieldErrors(e, ['title', 'description']));
    } finally {
      setBusy(false);
    }
  }

  const runNow = async () => {
    setRunError(null);
    try {
      await api.runNow(job.id);
    } catch (e) {
      setRunError(e);
    }
  };

  return (
    <div className="queued-actions">
      {editing ? (
        <form className="organise-form" data-testid="job-edit-form" onSubmit={save} noValidate>
          <Field label="Title" error={errors.title} errorTestId="job-edit-error-title">
            <TextInput data-testid="job-edit-title" value={title} onChange={setTitle} />
          </Field>
          <Field label="Description" error={errors.description} errorTestId="job-edit-error-description">
            <TextArea data-testid="job-edit-description" rows={4} value={description} onChange={setDescription} />
          </Field>
          {errors.form && (
            <div className="form-error" role="alert" data-testid="job-edit-error-form">
              {errors.form}
            </div>
          )}
          <div className="form-actions">
            <Button onClick={() => setEditing(false)}>Cancel</Button>
            <Button type="submit" variant="primary" busy={busy} data-testid="job-edit-save">
              Save
            </Button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <Button
            data-testid="job-edit"
            onClick={() => {
              setTitle(job.title);
              setDescription(job.description);
              setEditing(true);
            }}
          >
            Edit
          </Button>
          <Button variant="primary" data-testid="job-run-now" title="Start now, ahead of its time and priority" onClick={runNow}>
            Run now
          </Button>
        </div>
      )}
      {runError != null && <ErrorState error={runError} testId="job-run-now-error" />}
    </div>
  );
}
