import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from '../../api/client';
import type { JobWithRuns } from '../../api/types';
import { job } from '../../live/testRows';
import { QueuedJobActions } from './QueuedJobActions';

describe('queued job actions', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sends the edited title and description and shows a refusal at its field', async () => {
    const edit = vi
      .spyOn(api, 'editJob')
      .mockRejectedValueOnce(new ApiError(400, 'must be at most 200 characters, was 201', 'title'))
      .mockResolvedValueOnce({} as JobWithRuns);
    render(<QueuedJobActions job={job('a', 'queued', '2026-01-01T00:00:00Z')} />);
    fireEvent.click(screen.getByTestId('job-edit'));
    fireEvent.change(screen.getByTestId('job-edit-title'), { target: { value: 'x'.repeat(201) } });
    fireEvent.click(screen.getByTestId('job-edit-save'));
    await waitFor(() => expect(screen.getByTestId('job-edit-error-title').textContent).toMatch(/at most 200/));
    fireEvent.change(screen.getByTestId('job-edit-title'), { target: { value: 'Better title' } });
    fireEvent.click(screen.getByTestId('job-edit-save'));
    await waitFor(() => expect(screen.queryByTestId('job-edit-form')).toBeNull());
    expect(edit).toHaveBeenLastCalledWith('a', expect.objectContaining({ title: 'Better title' }));
  });

  it('starts the job now and shows why when it cannot', async () => {
    vi.spyOn(api, 'runNow').mockRejectedValueOnce(new ApiError(409, 'job waits for job(s) b', null, 'conflict'));
    render(<QueuedJobActions job={job('a', 'queued', '2026-01-01T00:00:00Z')} />);
    fireEvent.click(screen.getByTestId('job-run-now'));
    await waitFor(() => expect(screen.getByTestId('job-run-now-error').textContent).toBe('job waits for job(s) b'));
  });
});
