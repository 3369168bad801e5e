import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { BatchRunRequest, BatchTemplate, StopMode } from '../../api/types';
import { Button, Checkbox, DataTable, ErrorState, Field, fieldErrors, Loading, NumberInput, Panel, Select, TextArea, TextInput, useAction, useApi } from '../common';
import { navigate } from '../common';
import { DEBATE_OPTION_FIELDS, DebateOptionsFields } from '../debates/DebateOptionsFields';
import { EMPTY_DEBATE_FORM, toNewDebate, type DebateFormValues } from '../debates/debateView';
import { withProject } from '../projects/activeProject';

const RUN_FIELDS = ['mode', 'model', 'workDir', 'maxTurns', 'priority', 'templateId', 'stopMode', 'stopValue', 'useWorktree',
  ...DEBATE_OPTION_FIELDS];

/** Items are typed one a line; blank lines are dropped. */
export function itemsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function BatchForm({ batch, onSaved, onCancel }: { batch: BatchTemplate | null; onSaved: (b: BatchTemplate) => void; onCancel: () => void }) {
  const [name, setName] = useState(batch?.name ?? '');
  const [items, setItems] = useState(batch?.items.join('\n') ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'required';
    if (itemsOf(items).length === 0) local.items = 'at least one task, one a line';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const body = { name, items: itemsOf(items) };
      onSaved(batch ? await api.updateBatch(batch.id, body) : await api.createBatch(body));
    } catch (e) {
      setErrors(fieldErrors(e, ['name', 'items']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="organise-form" data-testid="batch-form" onSubmit={save} noValidate>
      <Field label="Name *" error={errors.name} errorTestId="batch-field-error-name">
        <TextInput data-testid="batch-field-name" value={name} onChange={setName} />
      </Field>
      <Field label="Tasks *" hint="one task a line; each becomes a job" error={errors.items} errorTestId="batch-field-error-items">
        <TextArea data-testid="batch-field-items" rows={6} value={items} onChange={setItems} />
      </Field>
      {errors.form && (
        <div className="form-error" role="alert">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy} data-testid="batch-save">
          {batch ? 'Save' : 'Create batch'}
        </Button>
      </div>
    </form>
  );
}

interface RunValues {
  mode: 'normal' | 'debate';
  model: string;
  workDir: string;
  maxTurns: string;
  priority: string;
  templateId: string;
  stopMode: '' | StopMode;
  stopValue: string;
  useWorktree: boolean;
  /** Debate mode: every debate's options (its task is the item, so the form's task stays unused). */
  debate: DebateFormValues;
}

export const EMPTY_RUN: RunValues = { mode: 'normal', model: '', workDir: '', maxTurns: '', priority: '', templateId: '', stopMode: '',
  stopValue: '', useWorktree: false, debate: EMPTY_DEBATE_FORM };

/**
 * The options filled in, as the request. Work dir and template apply to either mode; a normal run sends the job
 * options, a debate run the debate's own (models, rounds, loops, post-action), which are all the server reads then.
 */
export function toRunRequest(v: RunValues): BatchRunRequest {
  const r: BatchRunRequest = { mode: v.mode };
  if (v.workDir.trim()) r.workDir = v.workDir.trim();
  if (v.templateId) r.templateId = v.templateId;
  if (v.mode === 'debate') {
    const { task: _itemIsTheTask, ...options } = toNewDebate({ ...v.debate, task: '' });
    r.debate = options;
    return r;
  }
  if (v.model.trim()) r.model = v.model.trim();
  if (v.maxTurns.trim()) r.maxTurns = Number(v.maxTurns);
  if (v.priority.trim()) r.priority = Number(v.priority);
  if (v.stopMode) r.stopMode = v.stopMode;
  if (v.stopValue.trim()) r.stopValue = Number(v.stopValue);
  if (v.useWorktree) r.useWorktree = true;
  return r;
}

/** The options of one run; on success the board opens on the run's new project. */
function RunForm({ batch }: { batch: BatchTemplate }) {
  const templates = useApi(api.templates, []).data ?? [];
  const [values, setValues] = useState<RunValues>(EMPTY_RUN);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RunValues>(key: K) => (value: RunValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setDebate = <K extends keyof DebateFormValues>(key: K) => (value: DebateFormValues[K]) =>
    setValues((v) => ({ ...v, debate: { ...v.debate, [key]: value } }));
  const debateMode = values.mode === 'debate';

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const result = await api.runBatch(batch.id, toRunRequest(values));
      navigate(withProject('/', result.projectId));
    } catch (e) {
      setErrors(fieldErrors(e, RUN_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => ({ error: errors[f], errorTestId: `batch-run-error-${f}` });
  return (
    <form className="organise-form" data-testid="batch-run-form" onSubmit={run} noValidate>
      <div className="form-grid">
        <Field label="Mode" {...err('mode')}>
          <Select
            data-testid="batch-run-mode"
            value={values.mode}
            onChange={(m) => set('mode')(m as RunValues['mode'])}
            options={[
              { value: 'normal', label: 'normal: one job per task' },
              { value: 'debate', label: 'debate: one debate per task' },
            ]}
          />
        </Field>
        <Field label="Template" {...err('templateId')}>
          <Select
            data-testid="batch-run-templateId"
            value={values.templateId}
            onChange={set('templateId')}
            options={[{ value: '', label: 'none' }, ...templates.map((t) => ({ value: t.id, label: t.name }))]}
          />
        </Field>
        <Field label="Work dir" {...err('workDir')}>
          <TextInput data-testid="batch-run-workDir" value={values.workDir} onChange={set('workDir')} />
        </Field>
        {!debateMode && (
          <>
            <Field label="Model" {...err('model')}>
              <TextInput data-testid="batch-run-model" placeholder="server default" value={values.model} onChange={set('model')} />
            </Field>
            <Field label="Max turns" {...err('maxTurns')}>
              <NumberInput integer data-testid="batch-run-maxTurns" value={values.maxTurns} onChange={set('maxTurns')} />
            </Field>
            <Field label="Priority" {...err('priority')}>
              <NumberInput integer data-testid="batch-run-priority" value={values.priority} onChange={set('priority')} />
            </Field>
            <Field label="Stop mode" {...err('stopMode')}>
              <Select
                data-testid="batch-run-stopMode"
                value={values.stopMode}
                onChange={(m) => set('stopMode')(m as RunValues['stopMode'])}
                options={[{ value: '', label: 'default' }, { value: 'turns' }, { value: 'budget' }, { value: 'time' }, { value: 'completion' }]}
              />
            </Field>
            <Field label="Stop value" {...err('stopValue')}>
              <NumberInput data-testid="batch-run-stopValue" value={values.stopValue} onChange={set('stopValue')} />
            </Field>
          </>
        )}
      </div>
      {debateMode ? (
        <DebateOptionsFields form={values.debate} set={setDebate} errors={errors} />
      ) : (
        <>
          <Checkbox checked={values.useWorktree} onChange={set('useWorktree')} label="Own git worktree per job" data-testid="batch-run-useWorktree" />
          {errors.useWorktree && (
            <span className="field-error" role="alert" data-testid="batch-run-error-useWorktree">
              {errors.useWorktree}
            </span>
          )}
        </>
      )}
      {errors.form && (
        <div className="form-error" role="alert" data-testid="batch-run-error-form">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} busyLabel="Starting…" data-testid="batch-run-submit">
          Run {batch.items.length} task{batch.items.length === 1 ? '' : 's'}
        </Button>
      </div>
    </form>
  );
}

/** Batch templates: saved task lists, and running one as a project of jobs. */
export function BatchesPanel() {
  const list = useApi(api.batches, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<BatchTemplate | 'new' | null>(null);
  const current = list.data?.find((b) => b.id === selected) ?? null;

  const { run: remove, error } = useAction(async (b: BatchTemplate) => {
    await api.deleteBatch(b.id);
    setSelected(null);
    list.reload();
  });

  return (
    <Panel
      title="Batch templates"
      data-testid="batches-panel"
      actions={
        <Button variant="link" data-testid="batch-new" onClick={() => setEditing('new')}>
          + new batch
        </Button>
      }
    >
      {editing && (
        <BatchForm
          key={editing === 'new' ? 'new' : editing.id}
          batch={editing === 'new' ? null : editing}
          onSaved={(b) => {
            setEditing(null);
            setSelected(b.id);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {list.error != null && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <DataTable
          testId="batches-list"
          rows={list.data}
          rowKey={(b) => b.id}
          onRowClick={(b) => setSelected(b.id)}
          rowProps={(b) => ({ 'data-testid': 'batch-row', 'data-name': b.name })}
          empty="No batch templates yet: a saved list of tasks that run together, one job each, in a project of their own."
          columns={[
            { key: 'name', header: 'Name', render: (b) => b.name },
            { key: 'items', header: 'Tasks', render: (b) => b.items.length },
          ]}
        />
      )}
      {current && (
        <section className="organise-detail" data-testid="batch-detail">
          <h3>{current.name}</h3>
          <ol className="batch-items">
            {current.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
          <div className="form-actions">
            <Button data-testid="batch-edit" onClick={() => setEditing(current)}>
              Edit
            </Button>
            <Button variant="danger" data-testid="batch-delete" onClick={() => remove(current)}>
              Delete
            </Button>
          </div>
          {error != null && <ErrorState error={error} />}
          <h3>Run</h3>
          <RunForm key={current.id} batch={current} />
        </section>
      )}
    </Panel>
  );
}
