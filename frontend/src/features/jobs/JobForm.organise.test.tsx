import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { JobWithRuns, NewJob, Project, Template } from '../../api/types';
import { JobForm } from './JobForm';

const template: Template = {
  id: 't1',
  name: 'TDD',
  content: 'Test first.',
  defaultModel: 'claude-haiku-4-5',
  defaultWorkDir: '/repo',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const project: Project = { id: 'p1', name: 'Website', description: null, createdAt: '', updatedAt: '' };

describe('job form with templates and projects', () => {
  it('fills the template defaults and sends the template and project', async () => {
    const submit = vi.fn(async (job: NewJob) => ({ ...job, id: 'j1' }) as unknown as JobWithRuns);
    render(
      <JobForm
        onCreated={() => {}}
        onCancel={() => {}}
        submit={submit}
        loadModels={async () => ({ defaultModel: '', models: [] })}
        loadTemplates={async () => [template]}
        loadProjects={async () => [project]}
      />,
    );
    await waitFor(() => expect(screen.getByTestId('job-field-templateId').querySelectorAll('option')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('job-field-templateId'), { target: { value: 't1' } });
    expect((screen.getByTestId('job-field-model') as HTMLInputElement).value).toBe('claude-haiku-4-5');
    expect((screen.getByTestId('job-field-workDir') as HTMLInputElement).value).toBe('/repo');
    await waitFor(() => expect(screen.getByTestId('job-field-projectId').querySelectorAll('option')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('job-field-projectId'), { target: { value: 'p1' } });
    fireEvent.change(screen.getByTestId('job-field-description'), { target: { value: 'Add a parser' } });
    fireEvent.click(screen.getByTestId('job-form-submit'));
    await waitFor(() =>
      expect(submit).toHaveBeenCalledWith({
        description: 'Add a parser',
        model: 'claude-haiku-4-5',
        workDir: '/repo',
        templateId: 't1',
        projectId: 'p1',
      }),
    );
  });
});
