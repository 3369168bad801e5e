import { Graph, layout } from '@dagrejs/dagre';
import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import type { GraphEdge, GraphEdgeKind, GraphNode, JobGraph } from '../../api/types';
import { toneOf } from '../common';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 48;
/** Space between two blocks (components, or grids of unlinked jobs). */
const BLOCK_GAP = 48;
/** Space between two unlinked jobs of a grid. */
const CELL_GAP = 16;
/** Blocks fill rows this wide (one wider block gets a row of its own). */
export const ROW_WIDTH = 2400;
const GRID_COLUMNS = Math.floor((ROW_WIDTH + CELL_GAP) / (NODE_WIDTH + CELL_GAP));

/** How each kind of link is drawn: a dependency solid, a sub-job dashed, a retry dotted and amber. */
export const EDGE_STYLES: Record<GraphEdgeKind, { stroke: string; strokeDasharray?: string; label: string }> = {
  dependsOn: { stroke: '#495057', label: 'depends on' },
  parent: { stroke: '#1c7ed6', strokeDasharray: '6 4', label: 'sub-job' },
  retryOf: { stroke: '#f59f00', strokeDasharray: '2 3', label: 'retry' },
};

export type JobNodeData = { job: GraphNode; tone: string };
export type Point = { x: number; y: number };

/** Part of the graph laid out on its own: a connected component with links, or a run of unlinked jobs. */
export interface Block {
  /** Stable for the same jobs and links, so a layout can be reused when the graph is read again. */
  key: string;
  nodeIds: string[];
  edges: GraphEdge[];
}

/** A block's layout, in its own coordinates (top-left at 0,0). */
export interface PlacedBlock {
  positions: Record<string, Point>;
  width: number;
  height: number;
}

/**
 * Splits the graph into blocks, newest first: each connected component that has links (laid out by dagre), and
 * each run of consecutive unlinked jobs (most jobs: laid out as a grid, without dagre). Newest first, so the part
 * a person looks at first is laid out and drawn first, and a prefix of the blocks keeps its place when more follow.
 */
export function blocksOf(graph: JobGraph): Block[] {
  const ids = graph.nodes.map((n) => n.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = ids.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const linked = new Set<number>();
  for (const edge of graph.edges) {
    const a = index.get(edge.source);
    const b = index.get(edge.target);
    if (a === undefined || b === undefined) continue;
    linked.add(a).add(b);
    parent[find(a)] = find(b);
  }
  const edgesByRoot = new Map<number, GraphEdge[]>();
  for (const edge of graph.edges) {
    const a = index.get(edge.source);
    if (a === undefined || index.get(edge.target) === undefined) continue;
    const root = find(a);
    (edgesByRoot.get(root) ?? edgesByRoot.set(root, []).get(root)!).push(edge);
  }
  // The API lists jobs oldest first; a component counts as new as its newest job.
  const blocks: Block[] = [];
  const components = new Map<number, string[]>();
  let loose: string[] = [];
  const flushLoose = () => {
    if (loose.length) blocks.push({ key: `grid:${loose.join(',')}`, nodeIds: loose, edges: [] });
    loose = [];
  };
  for (let i = ids.length - 1; i >= 0; i--) {
    if (!linked.has(i)) {
      loose.push(ids[i]);
      continue;
    }
    const root = find(i);
    let members = components.get(root);
    if (!members) {
      flushLoose();
      members = [];
      components.set(root, members);
      const edges = edgesByRoot.get(root) ?? [];
      blocks.push({ key: '', nodeIds: members, edges });
    }
    members.push(ids[i]);
  }
  flushLoose();
  for (const block of blocks) {
    if (!block.key) block.key = `dag:${block.nodeIds.join(',')}|${block.edges.map((e) => `${e.source}>${e.target}`).join(',')}`;
  }
  return blocks;
}

/** Lays out one block: unlinked jobs in a grid, a component with dagre so that work flows left to right. */
export function layoutBlock(block: Block): PlacedBlock {
  if (block.edges.length === 0) {
    const columns = Math.min(GRID_COLUMNS, block.nodeIds.length);
    const positions: Record<string, Point> = {};
    block.nodeIds.forEach((id, i) => {
      positions[id] = { x: (i % columns) * (NODE_WIDTH + CELL_GAP), y: Math.floor(i / columns) * (NODE_HEIGHT + CELL_GAP) };
    });
    const rows = Math.ceil(block.nodeIds.length / columns);
    return { positions, width: columns * (NODE_WIDTH + CELL_GAP) - CELL_GAP, height: rows * (NODE_HEIGHT + CELL_GAP) - CELL_GAP };
  }
  const g = new Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 56, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // Oldest first within the component, as the API lists them, so dagre's order follows time.
  for (let i = block.nodeIds.length - 1; i >= 0; i--) g.setNode(block.nodeIds[i], { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of block.edges) g.setEdge(edge.source, edge.target);
  layout(g);
  const positions: Record<string, Point> = {};
  let width = 0;
  let height = 0;
  for (const id of block.nodeIds) {
    const at = g.node(id);
    const x = at.x - NODE_WIDTH / 2;
    const y = at.y - NODE_HEIGHT / 2;
    positions[id] = { x, y };
    width = Math.max(width, x + NODE_WIDTH);
    height = Math.max(height, y + NODE_HEIGHT);
  }
  return { positions, width, height };
}

/**
 * Packs laid-out blocks in rows (shelves), left to right and top to bottom, in the order they come. A block's place
 * depends only on the blocks before it, so blocks can be added as they are laid out.
 */
export class Shelves {
  private x = 0;
  private y = 0;
  private rowHeight = 0;

  place(block: PlacedBlock): Record<string, Point> {
    if (this.x > 0 && this.x + block.width > ROW_WIDTH) {
      this.x = 0;
      this.y += this.rowHeight + BLOCK_GAP;
      this.rowHeight = 0;
    }
    const placed: Record<string, Point> = {};
    for (const [id, at] of Object.entries(block.positions)) placed[id] = { x: this.x + at.x, y: this.y + at.y };
    this.x += block.width + BLOCK_GAP;
    this.rowHeight = Math.max(this.rowHeight, block.height);
    return placed;
  }
}

/** Every job's position, all at once (where no worker can do it piece by piece; see layoutWorker). */
export function layoutPositions(graph: JobGraph): Record<string, Point> {
  const shelves = new Shelves();
  const positions: Record<string, Point> = {};
  for (const block of blocksOf(graph)) Object.assign(positions, shelves.place(layoutBlock(block)));
  return positions;
}

// A node's size and handles are known up front, so React Flow need not draw every node to measure it: with
// onlyRenderVisibleElements it then draws only what is on screen.
const HANDLES = [
  { type: 'target' as const, position: Position.Left, x: 0, y: NODE_HEIGHT / 2 - 4, width: 1, height: 8 },
  { type: 'source' as const, position: Position.Right, x: NODE_WIDTH - 1, y: NODE_HEIGHT / 2 - 4, width: 1, height: 8 },
];

/**
 * React Flow nodes for the jobs that have a position (all, once the layout is done). A node from {@code previous}
 * that shows the same job at the same place is reused as is, so React Flow skips it when the graph is read again.
 */
export function flowNodes(graph: JobGraph, positions: Record<string, Point>, previous?: Map<string, Node<JobNodeData>>): Node<JobNodeData>[] {
  const nodes: Node<JobNodeData>[] = [];
  for (const job of graph.nodes) {
    const position = positions[job.id];
    if (!position) continue;
    const before = previous?.get(job.id);
    if (before && sameNode(before, job, position)) {
      nodes.push(before);
      continue;
    }
    nodes.push({
      id: job.id,
      type: 'job',
      position,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
      handles: HANDLES,
      data: { job, tone: toneOf(job.status) },
      draggable: false,
      connectable: false,
    });
  }
  return nodes;
}

function sameNode(node: Node<JobNodeData>, job: GraphNode, position: Point): boolean {
  const was = node.data.job;
  return node.position.x === position.x && node.position.y === position.y && was.status === job.status
    && was.title === job.title && was.attempt === job.attempt;
}

/** React Flow edges between jobs that both have a position; one from {@code previous} with the same id is reused. */
export function flowEdges(graph: JobGraph, positions: Record<string, Point>, previous?: Map<string, Edge>): Edge[] {
  const edges: Edge[] = [];
  for (const edge of graph.edges) {
    if (!positions[edge.source] || !positions[edge.target]) continue;
    const id = `${edge.kind}:${edge.source}->${edge.target}`;
    const before = previous?.get(id);
    if (before) {
      edges.push(before);
      continue;
    }
    const style = EDGE_STYLES[edge.kind];
    edges.push({
      id,
      source: edge.source,
      target: edge.target,
      data: { kind: edge.kind },
      markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke },
      style: { stroke: style.stroke, strokeDasharray: style.strokeDasharray, strokeWidth: 1.5 },
    });
  }
  return edges;
}

/**
 * Places the jobs (linked ones left to right with dagre, per component; unlinked ones in grids) and turns them into
 * React Flow nodes and edges. Nothing is placed by hand.
 */
export function layoutGraph(graph: JobGraph): { nodes: Node<JobNodeData>[]; edges: Edge[] } {
  const positions = layoutPositions(graph);
  return { nodes: flowNodes(graph, positions), edges: flowEdges(graph, positions) };
}
