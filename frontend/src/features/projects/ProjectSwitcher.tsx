import { api } from '../../api/client';
import type { Project } from '../../api/types';
import { useApi } from '../common';
import { switchProject } from './activeProject';

/** Filters the board to one project; the choice is kept in the URL. */
export function ProjectSwitcher({ active, load = api.projects }: { active: string | null; load?: () => Promise<Project[]> }) {
  // Read again when the URL names a project this list does not know yet (e.g. a batch run just made it).
  const { data } = useApi(load, [load, active]);
  const projects = data ?? [];
  const known = !active || projects.some((p) => p.id === active);
  return (
    <select
      className="project-switcher"
      aria-label="Project"
      data-testid="project-switcher"
      value={active ?? ''}
      onChange={(e) => switchProject(e.target.value || null)}
    >
      <option value="">All projects</option>
      {projects.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
      {!known && data && <option value={active!}>(deleted project)</option>}
    </select>
  );
}
