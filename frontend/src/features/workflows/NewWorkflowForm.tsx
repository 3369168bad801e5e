import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Field, fieldErrors, NumberInput, Panel, TextArea, TextInput } from '../common';
import { workflowsApi } from './api';
import type { NewWorkflow, Workflow } from './types';

const FIELDS = ['task', 'title', 'workDir', 'implementerModel', 'reviewerModel', 'maxCycles', 'useWorktree', 'maxCostUsd', 'stopModes'] as const;

interface Values {
  task: string;
  title: string;
  workDir: string;
  implementerModel: string;
  reviewerModel: string;
  maxCycles: string;
  useWorktree: boolean;
  maxCostUsd: string;
  approvePlan: boolean;
  implementTurns: string;
}

const EMPTY: Values = {
  task: '', title: '', workDir: '', implementerModel: '', reviewerModel: '', maxCycles: '10', useWorktree: true,
  maxCostUsd: '', approvePlan: false, implementTurns: '',
};

/** The request for the form's values; blank fields are left to the server's defaults. */
export function toNewWorkflow(v: Values): NewWorkflow {
  const body: NewWorkflow = { task: v.task, useWorktree: v.useWorktree, approvePlan: v.approvePlan };
  if (v.title.trim()) body.title = v.title.trim();
  if (v.workDir.trim()) body.workDir = v.workDir.trim();
  if (v.implementerModel.trim()) body.implementerModel = v.implementerModel.trim();
  if (v.reviewerModel.trim()) body.reviewerModel = v.reviewerModel.trim();
  if (v.maxCycles.trim()) body.maxCycles = Number(v.maxCycles);
  if (v.maxCostUsd.trim()) body.maxCostUsd = Number(v.maxCostUsd);
  if (v.implementTurns.trim()) body.stopModes = { implement: { mode: 'turns', value: Number(v.implementTurns) } };
  return body;
}

/** "New autonomous run": the task and how to run it; refusals appear at the field the server names. */
export function NewWorkflowForm({ onCreated, onCancel, submit = workflowsApi.create }: {
  onCreated: (w: Workflow) => void;
  onCancel: () => void;
  submit?: (body: NewWorkflow) => Promise<Workflow>;
}) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!values.task.trim()) {
      setErrors({ task: 'is required' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      onCreated(await submit(toNewWorkflow(values)));
    } catch (e) {
      setErrors(fieldErrors(e, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const err = (name: string) => errors[name] ?? null;
  const testId = (name: string) => `workflow-field-error-${name}`;
  return (
    <Panel title="New autonomous run" data-testid="workflow-form-panel">
      <form className="job-form" data-testid="workflow-form" onSubmit={onSubmit} noValidate>
        <Field label="Task *" error={err('task')} errorTestId={testId('task')}>
          <TextArea rows={5} value={values.task} onChange={(v) => set('task', v)} data-testid="workflow-field-task"
            placeholder="What should the run accomplish?" />
        </Field>
        <div className="form-grid">
          <Field label="Title" error={err('title')} errorTestId={testId('title')}>
            <TextInput value={values.title} onChange={(v) => set('title', v)} placeholder="from the task" data-testid="workflow-field-title" />
          </Field>
          <Field label="Working directory" error={err('workDir')} errorTestId={testId('workDir')} hint="a git repository">
            <TextInput value={values.workDir} onChange={(v) => set('workDir', v)} data-testid="workflow-field-workDir" />
          </Field>
          <Field label="Implementer model" error={err('implementerModel')} errorTestId={testId('implementerModel')}>
            <TextInput value={values.implementerModel} onChange={(v) => set('implementerModel', v)} placeholder="default: claude-sonnet-4-6"
              data-testid="workflow-field-implementerModel" />
          </Field>
          <Field label="Reviewer model" error={err('reviewerModel')} errorTestId={testId('reviewerModel')}>
            <TextInput value={values.reviewerModel} onChange={(v) => set('reviewerModel', v)} placeholder="default: codex"
              data-testid="workflow-field-reviewerModel" />
          </Field>
          <Field label="Max cycles" error={err('maxCycles')} errorTestId={testId('maxCycles')} hint="1..50">
            <NumberInput integer value={values.maxCycles} onChange={(v) => set('maxCycles', v)} data-testid="workflow-field-maxCycles" />
          </Field>
          <Field label="Budget (USD)" error={err('maxCostUsd')} errorTestId={testId('maxCostUsd')} hint="pause for approval past it">
            <NumberInput value={values.maxCostUsd} onChange={(v) => set('maxCostUsd', v)} data-testid="workflow-field-maxCostUsd" />
          </Field>
          <Field label="Implement turns" error={err('stopModes')} errorTestId={testId('stopModes')} hint="turn cap per implement phase">
            <NumberInput integer value={values.implementTurns} onChange={(v) => set('implementTurns', v)} data-testid="workflow-field-implementTurns" />
          </Field>
        </div>
        <Checkbox checked={values.useWorktree} onChange={(v) => set('useWorktree', v)} data-testid="workflow-field-useWorktree"
          label="Use a worktree: all phases share one branch, pushed with a pull request at the end (recommended)" />
        {err('useWorktree') && <div className="field-error" role="alert" data-testid={testId('useWorktree')}>{err('useWorktree')}</div>}
        <Checkbox checked={values.approvePlan} onChange={(v) => set('approvePlan', v)} data-testid="workflow-field-approvePlan"
          label="Let me approve the plan before any code is written" />
        {err('form') && <div className="field-error" role="alert" data-testid={testId('form')}>{err('form')}</div>}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy} data-testid="workflow-submit">Start run</Button>
          <Button variant="link" onClick={onCancel}>Cancel</Button>
        </div>
      </form>
    </Panel>
  );
}
