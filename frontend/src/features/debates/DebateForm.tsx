import { useState } from 'react';
import { api } from '../../api/client';
import { Button, Field, fieldErrors, Panel, Select, TextArea, TextInput, useAction, useApi } from '../common';
import { DEBATE_OPTION_FIELDS, DebateOptionsFields } from './DebateOptionsFields';
import { debatesApi } from './debatesApi';
import { EMPTY_DEBATE_FORM, toNewDebate, type DebateFormValues } from './debateView';
import type { DebateView } from './types';

const FIELDS = ['task', 'templateId', 'workDir', ...DEBATE_OPTION_FIELDS];

/** Starts a debate: the task, the two models, rounds and loops, and what to do with the conclusion. */
export function DebateForm({ onCreated, onCancel }: { onCreated: (debate: DebateView) => void; onCancel: () => void }) {
  const [form, setForm] = useState<DebateFormValues>(EMPTY_DEBATE_FORM);
  const create = useAction(debatesApi.create);
  const templates = useApi(api.templates, []).data ?? [];
  const set = <K extends keyof DebateFormValues>(key: K) => (value: DebateFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errors = fieldErrors(create.error, FIELDS);

  async function submit() {
    const created = await create.run(toNewDebate(form));
    if (created) onCreated(created);
  }

  return (
    <Panel title="New debate" onClose={onCancel} data-testid="debate-form">
      <form
        className="debate-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Task" error={errors.task} errorTestId="debate-field-error-task" hint="the question or decision to debate">
          <TextArea data-testid="debate-task" rows={4} value={form.task} onChange={set('task')} />
        </Field>
        <Field label="Work directory" error={errors.workDir} errorTestId="debate-field-error-workDir" hint="where the sides and the post-action work">
          <TextInput data-testid="debate-work-dir" value={form.workDir} onChange={set('workDir')} />
        </Field>
        <Field label="Template" error={errors.templateId} hint="its guidelines go to both sides">
          <Select
            data-testid="debate-template"
            value={form.templateId}
            onChange={set('templateId')}
            options={[{ value: '', label: 'none' }, ...templates.map((t) => ({ value: t.id, label: t.name }))]}
          />
        </Field>
        <DebateOptionsFields form={form} set={set} errors={errors} />
        {errors.form && (
          <p className="form-error" role="alert" data-testid="debate-form-error">
            {errors.form}
          </p>
        )}
        <div className="form-actions form-actions-start">
          <Button type="submit" variant="primary" data-testid="debate-submit" busy={create.busy} busyLabel="Starting…">
            Start debate
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </Panel>
  );
}
