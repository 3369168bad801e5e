import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { JobWithRuns, Models, NewJob } from '../../api/types';
import { JobForm } from './JobForm';
import { emptyJobForm, fieldOfServerError, groupModels, toNewJob, validateJobForm } from './jobForm';

const MODELS: Models = {
  defaultModel: 'claude-sonnet-4-6',
  models: [
    { id: 'codex-gpt-5-mini', provider: 'openai', agent: 'codex' },
    { id: 'claude-sonnet-4-6', provider: 'anthropic', agent: 'claude' },
    { id: 'codex', provider: 'openai', agent: 'codex' },
    { id: 'claude-haiku-4-5', provider: 'anthropic', agent: 'claude' },
  ],
};
const loadModels = () => Promise.resolve(MODELS);

function refuse(field: string, message: string) {
  return vi.fn(async (_job: NewJob): Promise<JobWithRuns> => {
    throw new ApiError(400, message, field);
  });
}

describe('job form: worktree, completion checks, retries, models', () => {
  it('checks completion checks and retries before sending', () => {
    const errors = validateJobForm({
      ...emptyJobForm,
      description: 'x',
      completionChecks: [{ kind: 'custom_command', command: '  ' }],
      maxRetries: '11',
    });
    expect(errors.completionChecks).toMatch(/command/);
    expect(errors.maxRetries).toMatch(/0 to 10/);

    const twice = validateJobForm({
      ...emptyJobForm,
      description: 'x',
      completionChecks: [
        { kind: 'diff_not_empty', command: '' },
        { kind: 'diff_not_empty', command: '' },
      ],
      maxRetries: '2',
    });
    expect(twice.completionChecks).toMatch(/once/);
    expect(twice.maxRetries).toMatch(/retry policy/);

    expect(
      validateJobForm({ ...emptyJobForm, description: 'x', retryPolicy: 'same', maxRetries: '3' }),
    ).toEqual({});
    expect(validateJobForm({ ...emptyJobForm, description: 'x', maxRetries: '-1' }).maxRetries).toBeDefined();
  });

  it('sends the new fields in the server shape, and leaves them out when untouched', () => {
    expect(toNewJob({ ...emptyJobForm, description: 'Do it' })).toEqual({ description: 'Do it' });
    expect(
      toNewJob({
        ...emptyJobForm,
        description: 'Do it',
        useWorktree: true,
        interactive: true,
        completionChecks: [
          { kind: 'diff_not_empty', command: 'ignored' },
          { kind: 'no_error_in_output', command: '' },
          { kind: 'custom_command', command: ' npm test ' },
        ],
        retryPolicy: 'analyze',
        maxRetries: '2',
      }),
    ).toEqual({
      description: 'Do it',
      useWorktree: true,
      interactive: true,
      completionChecks: ['diff_not_empty', 'no_error_in_output', 'custom_command:npm test'],
      retryPolicy: 'analyze',
      maxRetries: 2,
    });
  });

  it('maps the server field names of the new fields to themselves', () => {
    expect(fieldOfServerError('useWorktree')).toBe('useWorktree');
    expect(fieldOfServerError('completionChecks')).toBe('completionChecks');
    expect(fieldOfServerError('completionChecks[1]')).toBe('completionChecks');
    expect(fieldOfServerError('retryPolicy')).toBe('retryPolicy');
    expect(fieldOfServerError('maxRetries')).toBe('maxRetries');
  });

  it('edits checks in the form and sends them', async () => {
    const submit = vi.fn(async (job: NewJob) => ({ ...job, id: 'j1' }) as unknown as JobWithRuns);
    const created = vi.fn();
    render(<JobForm onCreated={created} onCancel={() => {}} submit={submit} loadModels={loadModels} />);
    fireEvent.change(screen.getByTestId('job-field-description'), { target: { value: 'Fix it' } });
    fireEvent.click(screen.getByTestId('job-field-useWorktree'));
    fireEvent.click(screen.getByTestId('job-check-add'));
    fireEvent.click(screen.getByTestId('job-check-add'));
    fireEvent.change(screen.getByTestId('job-field-check-kind-1'), { target: { value: 'custom_command' } });
    // A custom command without the command is refused next to the checks.
    fireEvent.click(screen.getByTestId('job-form-submit'));
    expect(screen.getByTestId('job-field-error-completionChecks').textContent).toMatch(/command/);
    expect(submit).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('job-field-check-command-1'), { target: { value: 'npm test' } });
    fireEvent.change(screen.getByTestId('job-field-retryPolicy'), { target: { value: 'same' } });
    fireEvent.change(screen.getByTestId('job-field-maxRetries'), { target: { value: '3' } });
    fireEvent.click(screen.getByTestId('job-form-submit'));
    await waitFor(() => expect(created).toHaveBeenCalled());
    expect(submit).toHaveBeenCalledWith({
      description: 'Fix it',
      useWorktree: true,
      completionChecks: ['diff_not_empty', 'custom_command:npm test'],
      retryPolicy: 'same',
      maxRetries: 3,
    });
  });

  it('shows a client-side max retries error next to its field', () => {
    const submit = vi.fn();
    render(<JobForm onCreated={() => {}} onCancel={() => {}} submit={submit} loadModels={loadModels} />);
    fireEvent.change(screen.getByTestId('job-field-description'), { target: { value: 'Fix it' } });
    fireEvent.change(screen.getByTestId('job-field-maxRetries'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('job-form-submit'));
    expect(screen.getByTestId('job-field-error-maxRetries').textContent).toMatch(/0 to 10/);
    expect(submit).not.toHaveBeenCalled();
  });

  it.each([
    ['useWorktree', 'workDir /tmp/x is not inside a git repository'],
    ['completionChecks', "must each be diff_not_empty, no_error_in_output or custom_command:<command>, was 'x'"],
    ['retryPolicy', "must be one of none, same, analyze, was 'often'"],
    ['maxRetries', 'must be between 0 and 10, was 11'],
  ])('shows the server refusal of %s next to that field', async (field, message) => {
    const submit = refuse(field, message);
    render(<JobForm onCreated={() => {}} onCancel={() => {}} submit={submit} loadModels={loadModels} />);
    fireEvent.change(screen.getByTestId('job-field-description'), { target: { value: 'Fix it' } });
    fireEvent.click(screen.getByTestId('job-form-submit'));
    await waitFor(() => expect(screen.getByTestId(`job-field-error-${field}`).textContent).toBe(message));
    expect(screen.queryByTestId('job-form-error')).toBeNull();
    expect(screen.getByTestId(`job-field-${field}`)).toBeTruthy();
  });

  it('groups the models on offer by provider, Claude first, and picks one', async () => {
    expect(groupModels(MODELS.models).map((g) => [g.label, g.models.map((m) => m.id)])).toEqual([
      ['Claude (Anthropic)', ['claude-sonnet-4-6', 'claude-haiku-4-5']],
      ['Codex (OpenAI)', ['codex-gpt-5-mini', 'codex']],
    ]);
    render(<JobForm onCreated={() => {}} onCancel={() => {}} submit={vi.fn()} loadModels={loadModels} />);
    const picker = screen.getByTestId('job-model-picker');
    // The form offers a built-in list until GET /api/models answers, with as many options: wait for the answer's.
    await waitFor(() => expect(within(picker).getAllByRole('option').map((o) => o.getAttribute('value'))).toContain('codex-gpt-5-mini'));
    expect(within(picker).getAllByRole('option')).toHaveLength(5);
    const groups = picker.querySelectorAll('optgroup');
    expect([...groups].map((g) => g.label)).toEqual(['Claude (Anthropic)', 'Codex (OpenAI)']);
    expect(screen.getByTestId('job-field-model').getAttribute('placeholder')).toContain('claude-sonnet-4-6');
    fireEvent.change(picker, { target: { value: 'codex-gpt-5-mini' } });
    expect((screen.getByTestId('job-field-model') as HTMLInputElement).value).toBe('codex-gpt-5-mini');
  });
});
