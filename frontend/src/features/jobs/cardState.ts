import type { AgentRun, Job } from '../../api/types';

/**
 * How a card looks: orange while an agent starts or works, red when it waits for a person, green when done with
 * output nobody has looked at, blue when done, seen and ready to continue, dim when failed or cancelled.
 */
export type CardState = 'queued' | 'running' | 'waiting' | 'unread' | 'idle' | 'done' | 'dim';

export function cardState(job: Job, run: AgentRun | undefined, unread: boolean, hasPendingQuestion = false): CardState {
  if (run?.status === 'waiting_user' || hasPendingQuestion) return 'waiting';
  // An interactive session waiting at its prompt for a person.
  if (run?.status === 'idle') return 'idle';
  if (run?.status === 'starting' || run?.status === 'running') return 'running';
  switch (job.status) {
    case 'running':
      return 'running';
    case 'queued':
      return 'queued';
    case 'failed':
    case 'cancelled':
      return 'dim';
    case 'done':
      if (unread) return 'unread';
      return run?.sessionId ? 'idle' : 'done';
  }
}
