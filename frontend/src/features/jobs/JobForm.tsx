import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../../api/client';
import { Button, Checkbox, Field, Panel, useApi, useLocation } from '../common';
import type { Job, Models, Project, Template } from '../../api/types';
import { activeProjectOf } from '../projects/activeProject';
import {
  CHECK_KINDS,
  emptyJobForm,
  fieldOfServerError,
  groupModels,
  MAX_RETRIES,
  type CheckKind,
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
  /** Reads the models on offer; the REST client unless a test passes another. */
  loadModels?: () => Promise<Models>;
  loadTemplates?: () => Promise<Template[]>;
  loadProjects?: () => Promise<Project[]>;
}

/** Shown until (or unless) GET /api/models answers. */
const FALLBACK_MODELS: Models = {
  defaultModel: '',
  models: [
    { id: 'claude-sonnet-4-6', provider: 'anthropic', agent: 'claude' },
    { id: 'claude-opus-4-6', provider: 'anthropic', agent: 'claude' },
    { id: 'claude-haiku-4-5', provider: 'anthropic', agent: 'claude' },
    { id: 'codex', provider: 'openai', agent: 'codex' },
  ],
};

/** A new job with every field the server takes; refusals appear beside the field the server names. */
export function JobForm({
  onCreated,
  onCancel,
  submit = api.createJob,
  loadModels = api.models,
  loadTemplates = api.templates,
  loadProjects = api.projects,
}: Props) {
  // A job created while the board shows a project goes into that project unless the form says otherwise.
  const boardProject = activeProjectOf(useLocation().query) ?? '';
  const [values, setValues] = useState<JobFormValues>(() => ({ ...emptyJobForm, projectId: boardProject }));
  const templates = useApi(loadTemplates, [loadTemplates]).data ?? [];
  const projects = useApi(loadProjects, [loadProjects]).data ?? [];
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [models, setModels] = useState<Models>(FALLBACK_MODELS);

  useEffect(() => {
    let cancelled = false;
    loadModels()
      .then((m) => {
        if (!cancelled && m && Array.isArray(m.models)) setModels(m);
      })
      .catch(() => {
        /* keep the fallback list */
      });
    return () => {
      cancelled = true;
    };
  }, [loadModels]);
  const modelGroups = groupModels(models.models);

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
      setValues({ ...emptyJobForm, projectId: boardProject });
      onCreated(job);
    } catch (e) {
      if (e instanceof ApiError) setErrors({ [fieldOfServerError(e.field)]: e.message });
      else setErrors({ form: String(e) });
    } finally {
      setBusy(false);
    }
  }

  /** Picking a template fills its default model and work dir; its guidelines are added by the server. */
  const pickTemplate = (id: string) => {
    const template = templates.find((t) => t.id === id);
    setValues((v) => ({
      ...v,
      templateId: id,
      model: template?.defaultModel ?? v.model,
      workDir: template?.defaultWorkDir ?? v.workDir,
    }));
  };

  const setCheck = (index: number, change: Partial<JobFormValues['completionChecks'][number]>) =>
    set(
      'completionChecks',
      values.completionChecks.map((c, j) => (j === index ? { ...c, ...change } : c)),
    );

  const field = (name: JobField, label: string, input: ReactNode, hint?: string) => (
    <Field label={label} hint={hint} error={errors[name]} errorTestId={`job-field-error-${name}`}>
      {input}
    </Field>
  );
  const text = (name: Exclude<JobField, 'context' | 'stopMode' | 'useWorktree' | 'completionChecks' | 'retryPolicy' | 'templateId' | 'projectId'>, props: Record<string, unknown> = {}) => (
    <input
      data-testid={`job-field-${name}`}
      name={name}
      value={values[name]}
      onChange={(e) => set(name, e.target.value)}
      {...props}
    />
  );
  /** A select for a field with a fixed set of values; the first option is the server's default. */
  const choice = <K extends 'stopMode' | 'retryPolicy'>(name: K, options: [JobFormValues[K], string][]) => (
    <select
      data-testid={`job-field-${name}`}
      name={name}
      value={values[name]}
      onChange={(e) => set(name, e.target.value as JobFormValues[K])}
    >
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );

  return (
    <Panel title="New job">
      <form className="job-form" data-testid="job-form" onSubmit={onSubmit} noValidate>
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
          {field(
            'templateId',
            'Template',
            <select data-testid="job-field-templateId" name="templateId" value={values.templateId} onChange={(e) => pickTemplate(e.target.value)}>
              <option value="">none</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>,
            values.templateId ? 'its guidelines go before the description' : undefined,
          )}
          {field(
            'projectId',
            'Project',
            <select data-testid="job-field-projectId" name="projectId" value={values.projectId} onChange={(e) => set('projectId', e.target.value)}>
              <option value="">none</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>,
          )}
          {field('title', 'Title', text('title', { placeholder: 'from the first line' }))}
          {field('priority', 'Priority', text('priority', { inputMode: 'numeric' }), '-10..10, higher first')}
          {field(
            'model',
            'Model',
            <>
              <span className="model-input">
                {text('model', {
                  list: 'job-models',
                  placeholder: models.defaultModel ? `default: ${models.defaultModel}` : 'server default',
                })}
                <select
                  aria-label="Pick a model"
                  data-testid="job-model-picker"
                  value=""
                  onChange={(e) => e.target.value && set('model', e.target.value)}
                >
                  <option value="">pick…</option>
                  {modelGroups.map((g) => (
                    <optgroup key={g.label} label={g.label} data-testid="job-model-group">
                      {g.models.map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.id}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              </span>
              <datalist id="job-models">
                {modelGroups.flatMap((g) => g.models.map((m) => <option key={m.id} value={m.id} label={g.label} />))}
              </datalist>
            </>,
          )}
          {field('workDir', 'Work dir', text('workDir', { placeholder: "server's working dir" }))}
          {field('maxTurns', 'Max turns', text('maxTurns', { inputMode: 'numeric' }))}
          {field(
            'stopMode',
            'Stop mode',
            choice('stopMode', [
              ['', 'default'],
              ['turns', 'turns'],
              ['budget', 'budget (US$)'],
              ['time', 'time (minutes)'],
              ['completion', 'completion'],
            ]),
          )}
          {field('stopValue', 'Stop value', text('stopValue', { inputMode: 'decimal' }))}
          {field('dependsOn', 'Depends on', text('dependsOn', { placeholder: 'job ids, comma separated' }))}
          {field('scheduledAt', 'Scheduled at', text('scheduledAt', { type: 'datetime-local' }))}
          {field('repeatIntervalSeconds', 'Repeat every (s)', text('repeatIntervalSeconds', { inputMode: 'numeric' }))}
          {field(
            'retryPolicy',
            'On failure',
            choice('retryPolicy', [
              ['', 'default (no retry)'],
              ['none', 'none'],
              ['same', 'same: queue a copy'],
              ['analyze', 'analyze: diagnose, then retry'],
            ]),
          )}
          {field(
            'maxRetries',
            'Max retries',
            text('maxRetries', { inputMode: 'numeric', placeholder: values.retryPolicy && values.retryPolicy !== 'none' ? '1' : '' }),
            `0..${MAX_RETRIES}`,
          )}
        </div>
        <div className={`field field-check${errors.useWorktree ? ' field-bad' : ''}`}>
          <Checkbox
            data-testid="job-field-useWorktree"
            name="useWorktree"
            checked={values.useWorktree}
            onChange={(checked) => set('useWorktree', checked)}
            label={<span className="field-label">Own git worktree and branch, pull request on success</span>}
          />
          {!errors.useWorktree && <span className="field-hint">the work dir must be inside a git repository</span>}
          {errors.useWorktree && (
            <span className="field-error" role="alert" data-testid="job-field-error-useWorktree">
              {errors.useWorktree}
            </span>
          )}
        </div>
        <fieldset className={`context${errors.completionChecks ? ' field-bad' : ''}`} data-testid="job-field-completionChecks">
          <legend>Completion checks</legend>
          {values.completionChecks.map((check, i) => (
            <div className="context-row" key={i}>
              <select
                data-testid={`job-field-check-kind-${i}`}
                aria-label={`check ${i + 1}`}
                value={check.kind}
                onChange={(e) => setCheck(i, { kind: e.target.value as CheckKind })}
              >
                {CHECK_KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </select>
              {check.kind === 'custom_command' && (
                <input
                  className="mono"
                  data-testid={`job-field-check-command-${i}`}
                  placeholder="shell command, e.g. npm test"
                  value={check.command}
                  onChange={(e) => setCheck(i, { command: e.target.value })}
                />
              )}
              <button
                type="button"
                className="link"
                data-testid={`job-check-remove-${i}`}
                onClick={() => set('completionChecks', values.completionChecks.filter((_, j) => j !== i))}
              >
                remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link"
            data-testid="job-check-add"
            onClick={() => set('completionChecks', [...values.completionChecks, { kind: 'diff_not_empty', command: '' }])}
          >
            + add check
          </button>
          {errors.completionChecks && (
            <span className="field-error" role="alert" data-testid="job-field-error-completionChecks">
              {errors.completionChecks}
            </span>
          )}
        </fieldset>
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
          <Button onClick={onCancel} data-testid="job-form-cancel">
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy} busyLabel="Creating…" data-testid="job-form-submit">
            Create job
          </Button>
        </div>
      </form>
    </Panel>
  );
}
