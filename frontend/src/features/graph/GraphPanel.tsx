import { Background, Controls, Handle, MiniMap, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { api } from '../../api/client';
import type { JobGraph } from '../../api/types';
import { useLive, useOnLiveChange } from '../../live/hooks';
import { PROJECT_PARAM } from '../projects/activeProject';
import { Button, EmptyState, ErrorState, Link, Loading, navigate, Panel, StatusBadge, Toolbar, toneOf, useApi, useLocation } from '../common';
import { graphDrawn, graphWindowOf, sinceOf, takeEarlyGraph } from './earlyGraph';
import { EDGE_STYLES, flowEdges, flowNodes, type JobNodeData } from './graphLayout';
import { useGraphLayout } from './useGraphLayout';

const WINDOWS = [1, 7, 30];
/**
 * Past this many jobs the view opens on the newest ones (React Flow then draws only what is on screen); as many as
 * the layout worker's first message places (FIRST_BATCH).
 */
const FIT_ALL_UP_TO = 50;

const JobNode = memo(function JobNode({ data }: NodeProps<Node<JobNodeData>>) {
  const { job, tone } = data;
  return (
    <div className={`graph-node graph-node-${tone}`} data-testid="graph-node" data-job-id={job.id} data-status={job.status} title={job.title}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="graph-node-title">{job.title}</div>
      <div className="graph-node-sub">
        <StatusBadge status={job.status} />
        {job.attempt > 1 && <span className="muted"> attempt {job.attempt}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

const NODE_TYPES = { job: JobNode };
const PRO_OPTIONS = { hideAttribution: true };
const openJob = (_: unknown, node: Node) => navigate(`/jobs/${encodeURIComponent(node.id)}`);

/**
 * What waits on what (GET /api/graph): jobs as nodes coloured by status, links by kind, laid out by dagre. Statuses
 * follow the live feed at once; the graph's shape is read again when jobs come and go. A click opens the job.
 */
export function GraphPanel({ load = api.graph }: { load?: (since?: string, projectId?: string) => Promise<JobGraph> }) {
  const { query } = useLocation();
  // The board's active project narrows the graph to its jobs.
  const { days, project } = graphWindowOf(query);
  const { data, error, reload } = useApi(
    // The page opened here started reading this graph already: that answer is taken (once) instead of asking again.
    () => takeEarlyGraph(days, project) ?? load(sinceOf(days), project ?? undefined),
    [days, project, load],
  );
  useOnLiveChange(reload, 3_000);
  const live = useLive();
  // Laid out in a worker, newest jobs first: they are drawn while older ones are still being placed.
  const layout = useGraphLayout(data ?? null);
  const previousEdges = useRef(new Map<string, Edge>());
  const edges = useMemo(() => {
    const next = layout ? flowEdges(layout.graph, layout.positions, previousEdges.current) : [];
    previousEdges.current = new Map(next.map((e) => [e.id, e]));
    return next;
  }, [layout]);
  const previous = useRef(new Map<string, Node<JobNodeData>>());
  const placed = useMemo(() => {
    const next = layout ? flowNodes(layout.graph, layout.positions, previous.current) : [];
    previous.current = new Map(next.map((n) => [n.id, n]));
    return next;
  }, [layout]);
  const fitOptions = useMemo(
    () => ({ maxZoom: 1, nodes: data && data.nodes.length > FIT_ALL_UP_TO ? data.nodes.slice(-FIT_ALL_UP_TO).map((n) => ({ id: n.id })) : undefined }),
    [data],
  );
  // Live statuses recolour the nodes without laying the graph out again.
  const nodes = useMemo(
    () =>
      placed.map((node) => {
        const status = live.jobs[node.id]?.status;
        if (!status || status === node.data.job.status) return node;
        return { ...node, data: { job: { ...node.data.job, status }, tone: toneOf(status) } };
      }),
    [placed, live.jobs],
  );
  const onNodeClick = useCallback(openJob, []);
  // Once the first jobs (or the empty or failed state) are on screen, the live connection may open.
  const shown = error != null || (data != null && data.nodes.length === 0) || placed.length > 0;
  useEffect(() => {
    if (!shown) return;
    const frame = requestAnimationFrame(() => graphDrawn());
    return () => cancelAnimationFrame(frame);
  }, [shown]);

  return (
    <Panel title="Job graph" data-testid="graph-panel" actions={<Button variant="link" onClick={reload}>refresh</Button>}>
      <Toolbar>
        {WINDOWS.map((d) => (
          <Link key={d} to={`/graph?days=${d}${project ? `&${PROJECT_PARAM}=${encodeURIComponent(project)}` : ''}`} className={`chip${d === days ? ' chip-on' : ''}`} data-testid={`graph-window-${d}`}>
            last {d === 1 ? 'day' : `${d} days`}
          </Link>
        ))}
        <span className="legend">
          {Object.entries(EDGE_STYLES).map(([kind, style]) => (
            <span key={kind} className="legend-item">
              <svg width="24" height="8" aria-hidden="true">
                <line x1="0" y1="4" x2="24" y2="4" stroke={style.stroke} strokeWidth="2" strokeDasharray={style.strokeDasharray} />
              </svg>{' '}
              {style.label}
            </span>
          ))}
        </span>
      </Toolbar>
      {error != null && <ErrorState error={error} onRetry={reload} testId="graph-error" />}
      {data && data.nodes.length === 0 && <EmptyState testId="graph-empty">No jobs in this window.</EmptyState>}
      {/* The canvas is set up while the graph is read and laid out, so only the nodes are left to draw then. */}
      {!(data && data.nodes.length === 0) && (error == null || data) && (
        <>
          {data && layout ? (
            <div
              className="muted"
              data-testid="graph-summary"
              data-nodes={data.nodes.length}
              data-edges={data.edges.length}
              data-placed={placed.length}
              data-layout-done={layout.done && layout.graph === data}
            >
              {data.nodes.length} jobs, {data.edges.length} links{data.truncated ? ' (the newest only: narrow the window)' : ''}
            </div>
          ) : (
            <Loading />
          )}
          <div className="graph-canvas" data-testid="graph-canvas">
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={NODE_TYPES}
              onNodeClick={onNodeClick}
              nodesDraggable={false}
              nodesConnectable={false}
              onlyRenderVisibleElements
              fitView
              fitViewOptions={fitOptions}
              minZoom={0.05}
              proOptions={PRO_OPTIONS}
            >
              <Background />
              <Controls showInteractive={false} />
              {/* Drawn once every job is placed: it shows the whole graph. */}
              {data && data.nodes.length <= 500 && layout?.done && <MiniMap pannable zoomable />}
            </ReactFlow>
          </div>
        </>
      )}
    </Panel>
  );
}
