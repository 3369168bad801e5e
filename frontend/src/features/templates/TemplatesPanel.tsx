import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { RunStats, Template, TemplateInput, TemplateStats } from '../../api/types';
import { Button, DataTable, ErrorState, Field, fieldErrors, Loading, Panel, TextArea, TextInput, useAction, useApi, type Column } from '../common';
import { formatCost } from '../common/runBits';

const FIELDS = ['name', 'content', 'defaultModel', 'defaultWorkDir'] as const;
const EMPTY: TemplateInput = { name: '', content: '', defaultModel: '', defaultWorkDir: '' };

export function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

export function duration(ms: number): string {
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 1000).toFixed(1)} s`;
}

type StatsRow = { model: string; stats: RunStats };

const STATS_COLUMNS: Column<StatsRow>[] = [
  { key: 'model', header: 'Model', className: 'mono', render: (r) => r.model },
  { key: 'runs', header: 'Runs', render: (r) => r.stats.runs },
  { key: 'success', header: 'Success', render: (r) => percent(r.stats.successRate) },
  { key: 'cost', header: 'Avg cost', render: (r) => formatCost(r.stats.avgCostUsd) },
  { key: 'turns', header: 'Avg turns', render: (r) => r.stats.avgTurns.toFixed(1) },
  { key: 'duration', header: 'Avg duration', render: (r) => duration(r.stats.avgDurationMs) },
];

/** A template's runs: overall, then one row per model. */
function Stats({ id }: { id: string }) {
  const { data, error, reload } = useApi<TemplateStats>(() => api.templateStats(id), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  if (data.overall.runs === 0) return <div className="muted" data-testid="template-stats-none">No finished runs yet.</div>;
  const rows: StatsRow[] = [{ model: 'all models', stats: data.overall }, ...data.byModel];
  return (
    <DataTable
      testId="template-stats"
      columns={STATS_COLUMNS}
      rows={rows}
      rowKey={(r) => r.model}
      rowProps={(r) => ({ 'data-testid': 'template-stats-row', 'data-model': r.model })}
    />
  );
}

/** Create or change a template; the server's refusals appear at their fields. */
function TemplateForm({ template, onSaved, onCancel }: { template: Template | null; onSaved: (t: Template) => void; onCancel: () => void }) {
  const [values, setValues] = useState<TemplateInput>(
    template
      ? { name: template.name, content: template.content, defaultModel: template.defaultModel ?? '', defaultWorkDir: template.defaultWorkDir ?? '' }
      : EMPTY,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof TemplateInput) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!values.name.trim()) local.name = 'required';
    if (!values.content.trim()) local.content = 'required';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const body: TemplateInput = { name: values.name, content: values.content };
      if (values.defaultModel?.trim()) body.defaultModel = values.defaultModel.trim();
      if (values.defaultWorkDir?.trim()) body.defaultWorkDir = values.defaultWorkDir.trim();
      onSaved(template ? await api.updateTemplate(template.id, body) : await api.createTemplate(body));
    } catch (e) {
      setErrors(fieldErrors(e, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => ({ error: errors[f], errorTestId: `template-field-error-${f}` });
  return (
    <form className="organise-form" data-testid="template-form" onSubmit={save} noValidate>
      <Field label="Name *" {...err('name')}>
        <TextInput data-testid="template-field-name" value={values.name} onChange={set('name')} />
      </Field>
      <Field label="Guidelines *" hint="goes before each job's description as ## Guidelines" {...err('content')}>
        <TextArea data-testid="template-field-content" rows={6} value={values.content} onChange={set('content')} />
      </Field>
      <div className="form-grid">
        <Field label="Default model" {...err('defaultModel')}>
          <TextInput data-testid="template-field-defaultModel" value={values.defaultModel ?? ''} onChange={set('defaultModel')} />
        </Field>
        <Field label="Default work dir" {...err('defaultWorkDir')}>
          <TextInput data-testid="template-field-defaultWorkDir" value={values.defaultWorkDir ?? ''} onChange={set('defaultWorkDir')} />
        </Field>
      </div>
      {errors.form && (
        <div className="form-error" role="alert" data-testid="template-form-error">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…" data-testid="template-save">
          {template ? 'Save' : 'Create template'}
        </Button>
      </div>
    </form>
  );
}

/** Templates: the list, one template's stats by model, and a form to create or change one. */
export function TemplatesPanel() {
  const list = useApi(api.templates, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const current = list.data?.find((t) => t.id === selected) ?? null;

  const saved = (t: Template) => {
    setEditing(null);
    setSelected(t.id);
    list.reload();
  };
  const { run: remove, error: deleteError } = useAction(async (t: Template) => {
    await api.deleteTemplate(t.id);
    setSelected(null);
    list.reload();
  });

  return (
    <Panel
      title="Templates"
      data-testid="templates-panel"
      actions={
        <Button variant="link" data-testid="template-new" onClick={() => setEditing('new')}>
          + new template
        </Button>
      }
    >
      {editing && (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          template={editing === 'new' ? null : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      {list.error != null && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <DataTable
          testId="templates-list"
          columns={[
            { key: 'name', header: 'Name', render: (t: Template) => t.name },
            { key: 'model', header: 'Default model', className: 'mono', render: (t: Template) => t.defaultModel ?? '–' },
          ]}
          rows={list.data}
          rowKey={(t) => t.id}
          onRowClick={(t) => setSelected(t.id)}
          rowProps={(t) => ({ 'data-testid': 'template-row', 'data-name': t.name, 'aria-selected': String(t.id === selected) })}
          empty="No templates yet: a template's guidelines go before the description of every job that uses it."
        />
      )}
      {current && (
        <section className="organise-detail" data-testid="template-detail">
          <h3>{current.name}</h3>
          <pre className="template-content">{current.content}</pre>
          <div className="form-actions">
            <Button data-testid="template-edit" onClick={() => setEditing(current)}>
              Edit
            </Button>
            <Button variant="danger" data-testid="template-delete" onClick={() => remove(current)}>
              Delete
            </Button>
          </div>
          {deleteError != null && <ErrorState error={deleteError} />}
          <h3>Runs</h3>
          <Stats id={current.id} />
        </section>
      )}
    </Panel>
  );
}
