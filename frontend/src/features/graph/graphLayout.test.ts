import { describe, expect, it } from 'vitest';
import type { JobGraph } from '../../api/types';
import { layoutGraph, NODE_WIDTH } from './graphLayout';

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
