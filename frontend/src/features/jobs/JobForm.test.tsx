import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { JobWithRuns, NewJob } from '../../api/types';
import { JobForm } from './JobForm';
import { emptyJobForm, fieldOfServerError, toNewJob, validateJobForm } from './jobForm';

describe('job form', () => {
  it('requires a description and checks numbers before sending', () => {
    const errors = validateJobForm({ ...emptyJobForm, priority: '11', maxTurns: 'x', stopMode: 'budget' });
    expect(errors.description).toBe('required');
    expect(errors.priority).toMatch(/-10 to 10/);
    expect(errors.maxTurns).toBeDefined();
    expect(errors.stopValue).toMatch(/dollars/);
  });

  it('sends only the fields filled in', () => {
    const body = toNewJob({
      ...emptyJobForm,
      description: 'Do it',
      priority: '3',
      dependsOn: 'a, b',
      context: [{ key: 'branch', value: 'x' }, { key: '', value: '' }],
      stopMode: 'time',
      stopValue: '5',
    });
    expect(body).toEqual({
      description: 'Do it',
      priority: 3,
      dependsOn: ['a', 'b'],
      context: { branch: 'x' },
      stopMode: 'time',
      stopValue: 5,
    });
  });

  it('maps server field paths to form fields', () => {
    expect(fieldOfServerError('dependsOn[0]')).toBe('dependsOn');
    expect(fieldOfServerError('context.key')).toBe('context');
    expect(fieldOfServerError('body')).toBe('form');
    expect(fieldOfServerError(null)).toBe('form');
  });

  it('shows a client-side error next to the description and sends nothing', () => {
    const submit = vi.fn();
    render(<JobForm onCreated={() => {}} onCancel={() => {}} submit={submit} />);
    fireEvent.click(screen.getByTestId('job-form-submit'));
    expect(screen.getByTestId('job-field-error-description').textContent).toBe('required');
    expect(submit).not.toHaveBeenCalled();
  });

  it('shows the server refusal next to the field it names', async () => {
    const submit = vi.fn(async (_job: NewJob): Promise<JobWithRuns> => {
      throw new ApiError(400, 'no such directory: /nope', 'workDir');
    });
    render(<JobForm onCreated={() => {}} onCancel={() => {}} submit={submit} />);
    fireEvent.change(screen.getByTestId('job-field-description'), { target: { value: 'Fix it' } });
    fireEvent.change(screen.getByTestId('job-field-workDir'), { target: { value: '/nope' } });
    fireEvent.click(screen.getByTestId('job-form-submit'));
    await waitFor(() => expect(screen.getByTestId('job-field-error-workDir').textContent).toBe('no such directory: /nope'));
    expect(submit).toHaveBeenCalledWith({ description: 'Fix it', workDir: '/nope' });
  });
});
