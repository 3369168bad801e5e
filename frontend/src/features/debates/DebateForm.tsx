import { useState } from 'react';
import { api } from '../../api/client';
import { Button, Checkbox, Field, fieldErrors, NumberInput, Panel, Select, TextArea, TextInput, useAction, useApi } from '../common';
import { debatesApi } from './debatesApi';
import { EMPTY_DEBATE_FORM, toNewDebate, type DebateFormValues } from './debateView';
import type { DebateView, Side } from './types';

const FIELDS = ['task', 'claudeModel', 'codexModel', 'maxRounds', 'templateId', 'workDir', 'postActionPrompt',
  'postActionRole', 'verification', 'loopCount'] as const;

/** Starts a debate: the task, the two models, rounds and loops, and what to do with the conclusion. */
export function DebateForm({ onCreated, onCancel }: { onCreated: (debate: DebateView) => void; onCancel: () => void }) {
  const [form, setForm] = useState<DebateFormValues>(EMPTY_DEBATE_FORM);
  const create = useAction(debatesApi.create);
  const templates = useApi(api.templates, []).data ?? [];
  const set = <K extends keyof DebateFormValues>(key: K) => (value: DebateFormValues[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errors = fieldErrors(create.error, FIELDS);
  const acting = form.postActionPrompt.trim() !== '';

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
        <div className="debate-form-row">
          <Field label="Claude model" error={errors.claudeModel} hint="blank: the default model">
            <TextInput data-testid="debate-claude-model" value={form.claudeModel} onChange={set('claudeModel')} placeholder="claude-sonnet-4-6" />
          </Field>
          <Field label="Codex model" error={errors.codexModel} hint="blank: Codex's configured model">
            <TextInput data-testid="debate-codex-model" value={form.codexModel} onChange={set('codexModel')} placeholder="gpt-5.5" />
          </Field>
        </div>
        <div className="debate-form-row">
          <Field label="Max rounds" error={errors.maxRounds} errorTestId="debate-field-error-maxRounds" hint="1 to 10">
            <NumberInput integer data-testid="debate-max-rounds" value={form.maxRounds} onChange={set('maxRounds')} />
          </Field>
          <Field label="Loop count" error={errors.loopCount} hint="runs of the whole debate">
            <NumberInput integer data-testid="debate-loop-count" value={form.loopCount} onChange={set('loopCount')} />
          </Field>
        </div>
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
        <Field label="Post-action prompt" error={errors.postActionPrompt} hint="optional: run by one side once the debate is over">
          <TextArea data-testid="debate-post-action" rows={2} value={form.postActionPrompt} onChange={set('postActionPrompt')} />
        </Field>
        {acting && (
          <div className="debate-form-row">
            <Field label="Post-action by" error={errors.postActionRole}>
              <Select
                data-testid="debate-post-action-role"
                value={form.postActionRole}
                onChange={(v) => set('postActionRole')(v as Side)}
                options={[{ value: 'claude', label: 'Claude' }, { value: 'codex', label: 'Codex' }]}
              />
            </Field>
            <Checkbox
              data-testid="debate-verification"
              checked={form.verification}
              onChange={set('verification')}
              label="Verification: the other side reviews, the implementer refines"
            />
          </div>
        )}
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
