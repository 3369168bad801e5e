import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Project } from '../../api/types';
import { Button, DataTable, ErrorState, Field, fieldErrors, Loading, Panel, TextInput, useAction, useApi, useLocation } from '../common';
import { activeProjectOf, switchProject } from './activeProject';

/** Create or rename a project; refusals (a taken name) appear at the field. */
function ProjectForm({ project, onSaved, onCancel }: { project: Project | null; onSaved: (p: Project) => void; onCancel: () => void }) {
  const [name, setName] = useState(project?.name ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'required' });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const body = { name, description: description.trim() || undefined };
      onSaved(project ? await api.updateProject(project.id, body) : await api.createProject(body));
    } catch (e) {
      setErrors(fieldErrors(e, ['name', 'description']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="organise-form" data-testid="project-form" onSubmit={save} noValidate>
      <div className="form-grid">
        <Field label="Name *" error={errors.name} errorTestId="project-field-error-name">
          <TextInput data-testid="project-field-name" value={name} onChange={setName} />
        </Field>
        <Field label="Description" error={errors.description} errorTestId="project-field-error-description">
          <TextInput data-testid="project-field-description" value={description} onChange={setDescription} />
        </Field>
      </div>
      {errors.form && (
        <div className="form-error" role="alert">
          {errors.form}
        </div>
      )}
      <div className="form-actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" busy={busy} data-testid="project-save">
          {project ? 'Rename' : 'Create project'}
        </Button>
      </div>
    </form>
  );
}

/** Projects: create, rename, delete (the jobs stay, un-grouped), and show one on the board. */
export function ProjectsPanel() {
  const list = useApi(api.projects, []);
  const active = activeProjectOf(useLocation().query);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const { run: remove, error } = useAction(async (p: Project) => {
    await api.deleteProject(p.id);
    if (active === p.id) switchProject(null);
    list.reload();
  });

  return (
    <Panel
      title="Projects"
      data-testid="projects-panel"
      actions={
        <Button variant="link" data-testid="project-new" onClick={() => setEditing('new')}>
          + new project
        </Button>
      }
    >
      {editing && (
        <ProjectForm
          key={editing === 'new' ? 'new' : editing.id}
          project={editing === 'new' ? null : editing}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {error != null && <ErrorState error={error} />}
      {list.error != null && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <DataTable
          testId="projects-list"
          rows={list.data}
          rowKey={(p) => p.id}
          rowProps={(p) => ({ 'data-testid': 'project-row', 'data-name': p.name, 'aria-current': p.id === active ? 'true' : undefined })}
          empty="No projects yet. Batch runs make one each; so can you."
          columns={[
            { key: 'name', header: 'Name', render: (p) => <strong>{p.name}</strong> },
            { key: 'jobs', header: 'Jobs', render: (p) => p.jobCount ?? 0 },
            {
              key: 'actions',
              header: '',
              render: (p) => (
                <span className="row-actions">
                  <Button variant="link" data-testid="project-show" onClick={() => switchProject(p.id)}>
                    {p.id === active ? 'on the board' : 'show on board'}
                  </Button>
                  <Button variant="link" data-testid="project-rename" onClick={() => setEditing(p)}>
                    rename
                  </Button>
                  <Button variant="link" data-testid="project-delete" onClick={() => remove(p)}>
                    delete
                  </Button>
                </span>
              ),
            },
          ]}
        />
      )}
    </Panel>
  );
}
