import { useState } from 'react';
import type { KbEntry, KbScope, NewKbEntry } from '../../api/types';
import { Button, Field, fieldErrors, Select, TextArea, TextInput, useAction } from '../common';

interface Props {
  /** The entry to edit; a new one when absent. */
  entry?: KbEntry;
  save: (entry: NewKbEntry) => Promise<KbEntry>;
  onSaved: (entry: KbEntry) => void;
  onCancel: () => void;
}

/** Adds or edits an entry; the server's refusal shows at the field it names. */
export function KbEntryForm({ entry, save, onSaved, onCancel }: Props) {
  const [title, setTitle] = useState(entry?.title ?? '');
  const [content, setContent] = useState(entry?.content ?? '');
  const [tags, setTags] = useState(entry?.tags.join(', ') ?? '');
  const [scope, setScope] = useState<KbScope>(entry?.scope ?? 'project');
  const [project, setProject] = useState(entry?.project ?? '');
  const action = useAction(save);
  const errors = fieldErrors(action.error, ['title', 'content', 'tags', 'scope', 'project']);

  async function onSubmit() {
    const saved = await action.run({
      title,
      content,
      tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
      scope,
      project: scope === 'project' ? project : null,
    });
    if (saved) onSaved(saved);
  }

  return (
    <form
      className="kb-form"
      data-testid="kb-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <Field label="Title" error={errors.title} errorTestId="kb-field-error-title">
        <TextInput data-testid="kb-form-title" value={title} onChange={setTitle} maxLength={200} />
      </Field>
      <Field label="Content" error={errors.content} errorTestId="kb-field-error-content">
        <TextArea data-testid="kb-form-content" rows={5} value={content} onChange={setContent} />
      </Field>
      <Field label="Tags" hint="comma separated" error={errors.tags}>
        <TextInput data-testid="kb-form-tags" value={tags} onChange={setTags} />
      </Field>
      <Field label="Scope" error={errors.scope}>
        <Select
          data-testid="kb-form-scope"
          value={scope}
          onChange={(v) => setScope(v as KbScope)}
          options={[
            { value: 'project', label: 'project: one repository' },
            { value: 'global', label: 'global: every job' },
          ]}
        />
      </Field>
      {scope === 'project' && (
        <Field label="Project" hint="the repository's directory (or any directory inside it)" error={errors.project} errorTestId="kb-field-error-project">
          <TextInput data-testid="kb-form-project" value={project} onChange={setProject} />
        </Field>
      )}
      {errors.form && <div className="form-error">{errors.form}</div>}
      <div className="form-actions form-actions-start">
        <Button variant="primary" type="submit" data-testid="kb-form-save" busy={action.busy}>
          {entry ? 'Save' : 'Add entry'}
        </Button>
        <Button variant="link" onClick={onCancel}>
          cancel
        </Button>
      </div>
    </form>
  );
}
