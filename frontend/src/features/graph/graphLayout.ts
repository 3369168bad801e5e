import { Graph, layout } from '@dagrejs/dagre';
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { GraphEdgeKind, GraphNode, JobGraph } from '../../api/types';
import { toneOf } from '../common';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 48;

/** How each kind of link is drawn: a dependency solid, a sub-job dashed, a retry dotted and amber. */
export const EDGE_STYLES: Record<GraphEdgeKind, { stroke: string; strokeDasharray?: string; label: string }> = {
  dependsOn: { stroke: '#495057', label: 'depends on' },
  parent: { stroke: '#1c7ed6', strokeDasharray: '6 4', label: 'sub-job' },
  retryOf: { stroke: '#f59f00', strokeDasharray: '2 3', label: 'retry' },
};

export type JobNodeData = { job: GraphNode; tone: string };

/**
 * Places the jobs left to right with dagre (work flows from a prerequisite, parent or failed job to what follows
 * it) and turns them into React Flow nodes and edges. Nothing is placed by hand.
 */
export function layoutGraph(graph: JobGraph): { nodes: Node<JobNodeData>[]; edges: Edge[] } {
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 56, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  layout(g);
  const nodes = graph.nodes.map((job) => {
    const at = g.node(job.id);
    return {
      id: job.id,
      type: 'job',
      position: { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 },
      data: { job, tone: toneOf(job.status) },
      draggable: false,
      connectable: false,
    };
  });
  const edges = graph.edges.map((edge) => {
    const style = EDGE_STYLES[edge.kind];
    return {
      id: `${edge.kind}:${edge.source}->${edge.target}`,
      source: edge.source,
      target: edge.target,
      data: { kind: edge.kind },
      markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke },
      style: { stroke: style.stroke, strokeDasharray: style.strokeDasharray, strokeWidth: 1.5 },
    };
  });
  return { nodes, edges };
}
