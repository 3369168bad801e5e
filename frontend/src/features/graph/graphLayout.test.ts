import { describe, expect, it } from 'vitest';
import type { JobGraph } from '../../api/types';
import { blocksOf, flowEdges, flowNodes, layoutBlock, layoutGraph, layoutPositions, NODE_HEIGHT, NODE_WIDTH, ROW_WIDTH, Shelves } from './graphLayout';

const node = (id: string, status: string) => ({ id, title: id, status, model: 'm', attempt: 1, createdAt: '2026-11-20T00:00:00Z' });

describe('graph layout', () => {
  it('places every job with dagre so that work flows left to right along the links', () => {
    const graph: JobGraph = {
      nodes: [node('plan', 'done'), node('build', 'running'), node('test', 'failed'), node('test-2', 'queued')],
      edges: [
        { source: 'plan', target: 'build', kind: 'dependsOn' },
        { source: 'plan', target: 'test', kind: 'dependsOn' },
        { source: 'test', target: 'test-2', kind: 'retryOf' },
      ],
      truncated: false,
    };
    const { nodes, edges } = layoutGraph(graph);
    const x = Object.fromEntries(nodes.map((n) => [n.id, n.position.x]));

    expect(x.build).toBeGreaterThanOrEqual(x.plan + NODE_WIDTH);
    expect(x['test-2']).toBeGreaterThanOrEqual(x.test + NODE_WIDTH);
    expect(nodes.find((n) => n.id === 'test')!.data.tone).toBe('danger');
    expect(edges.map((e) => e.id)).toContain('retryOf:test->test-2');
    expect(edges.find((e) => e.id === 'retryOf:test->test-2')!.style!.strokeDasharray).toBeDefined();
  });
});

describe('graph layout by parts', () => {
  const at = (i: number) => `2026-11-20T00:${String(i).padStart(2, '0')}:00Z`;
  const job = (id: string, i: number) => ({ ...node(id, 'done'), createdAt: at(i) });

  it('lays out each linked component on its own, unlinked jobs in a grid, the newest first', () => {
    // Oldest first, as the API lists them: a, b linked; c alone; d -> e linked; f alone.
    const graph: JobGraph = {
      nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => job(id, i)),
      edges: [
        { source: 'a', target: 'b', kind: 'dependsOn' },
        { source: 'd', target: 'e', kind: 'parent' },
      ],
      truncated: false,
    };

    const blocks = blocksOf(graph);
    expect(blocks.map((b) => [b.nodeIds.slice().sort().join(''), b.edges.length])).toEqual([['f', 0], ['de', 1], ['c', 0], ['ab', 1]]);
    const positions = layoutPositions(graph);
    expect(positions.e.x).toBeGreaterThanOrEqual(positions.d.x + NODE_WIDTH);
    expect(positions.b.x).toBeGreaterThanOrEqual(positions.a.x + NODE_WIDTH);
    // The newest block starts the first row.
    expect(positions.f).toEqual({ x: 0, y: 0 });
  });

  it('packs blocks in rows without overlaps, and a block keeps its place when more blocks follow', () => {
    const nodes = Array.from({ length: 60 }, (_, i) => job(`n${i}`, i % 60));
    const edges = Array.from({ length: 20 }, (_, k) => ({ source: `n${k * 3}`, target: `n${k * 3 + 1}`, kind: 'dependsOn' as const }));
    const graph: JobGraph = { nodes, edges, truncated: false };

    const positions = layoutPositions(graph);
    const boxes = Object.values(positions);
    expect(boxes).toHaveLength(60);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const apart = Math.abs(boxes[i].x - boxes[j].x) >= NODE_WIDTH || Math.abs(boxes[i].y - boxes[j].y) >= NODE_HEIGHT;
        expect(apart).toBe(true);
      }
    }
    expect(Math.max(...boxes.map((b) => b.x))).toBeLessThanOrEqual(ROW_WIDTH);
    const shelves = new Shelves();
    const firstTwo = blocksOf(graph).slice(0, 2).map((b) => shelves.place(layoutBlock(b)));
    for (const placed of firstTwo) for (const [id, p] of Object.entries(placed)) expect(positions[id]).toEqual(p);
  });

  it('gives React Flow each node its size and handles, so it need not draw every node to measure it', () => {
    const graph: JobGraph = { nodes: [job('a', 0), job('b', 1)], edges: [{ source: 'a', target: 'b', kind: 'dependsOn' }], truncated: false };
    const { nodes } = layoutGraph(graph);
    expect(nodes[0]).toMatchObject({ width: NODE_WIDTH, height: NODE_HEIGHT, measured: { width: NODE_WIDTH, height: NODE_HEIGHT } });
    expect(nodes[0].handles!.map((h) => h.type)).toEqual(['target', 'source']);
    // Only jobs with a place yet are drawn, and only links between two of them.
    expect(flowNodes(graph, { a: { x: 0, y: 0 } }).map((n) => n.id)).toEqual(['a']);
    expect(flowEdges(graph, { a: { x: 0, y: 0 } })).toEqual([]);
  });
});
