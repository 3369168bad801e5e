import { navigate } from '../common';
import { PROJECT_PARAM } from './projectParam';

export { activeProjectOf, PROJECT_PARAM } from './projectParam';

/** `path` with the active project's query kept, e.g. for opening a job from a filtered board. */
export function withProject(path: string, projectId: string | null): string {
  return projectId ? `${path}?${PROJECT_PARAM}=${encodeURIComponent(projectId)}` : path;
}

/** Switches the board to a project (null: all jobs), staying on the current view. */
export function switchProject(projectId: string | null): void {
  navigate(withProject(window.location.pathname, projectId));
}
