import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { UsageReport } from '../../api/types';
import { formatTokens, UsagePanel } from './UsagePanel';

const REPORT: UsageReport = {
  totalCostUsd: 1.7342,
  byAgent: [
    { agent: 'claude', provider: 'anthropic', model: null, runs: 4, costUsd: 1.5, estimatedCostUsd: 0, inputTokens: 120_000, outputTokens: 8_500 },
    { agent: 'codex', provider: 'openai', model: null, runs: 2, costUsd: 0.2342, estimatedCostUsd: 0.2342, inputTokens: 2_400_000, outputTokens: 900 },
  ],
  byModel: [
    { agent: 'claude', provider: 'anthropic', model: 'claude-sonnet-4-6', runs: 4, costUsd: 1.5, estimatedCostUsd: 0, inputTokens: 120_000, outputTokens: 8_500 },
    { agent: 'codex', provider: 'openai', model: 'gpt-5.5', runs: 2, costUsd: 0.2342, estimatedCostUsd: 0.2342, inputTokens: 2_400_000, outputTokens: 900 },
  ],
};

describe('usage panel', () => {
  it('shows Claude and Codex spend and tokens apart, marking estimates', async () => {
    render(<UsagePanel load={() => Promise.resolve(REPORT)} />);
    const claude = await screen.findByTestId('usage-agent-claude');
    const codex = screen.getByTestId('usage-agent-codex');

    expect(screen.getByTestId('usage-total').textContent).toContain('$1.73');
    expect(screen.getByTestId('usage-total').textContent).toContain('includes estimates');

    const claudeCost = within(claude).getByTestId('usage-cost');
    expect(claudeCost.textContent).toBe('$1.50');
    expect(claudeCost.getAttribute('data-estimated')).toBe('none');
    expect(within(claude).getByTestId('usage-tokens').textContent).toBe('120k in · 8.5k out');

    const codexCost = within(codex).getByTestId('usage-cost');
    expect(codexCost.textContent).toBe('~$0.23 est.');
    expect(codexCost.getAttribute('data-estimated')).toBe('all');
    expect(within(codex).getByTestId('usage-tokens').textContent).toBe('2.4M in · 900 out');

    const rows = screen.getAllByTestId('usage-model-row');
    expect(rows.map((r) => r.getAttribute('data-model'))).toEqual(['claude-sonnet-4-6', 'gpt-5.5']);
    expect(within(rows[1]).getByTestId('usage-cost').textContent).toContain('est.');
  });

  it('marks the estimated part of a mixed line, and says when an agent has no runs', async () => {
    const mixed: UsageReport = {
      totalCostUsd: 3,
      byAgent: [{ agent: 'claude', provider: 'anthropic', model: null, runs: 3, costUsd: 3, estimatedCostUsd: 0.5, inputTokens: 10, outputTokens: 20 }],
      byModel: [],
    };
    render(<UsagePanel load={() => Promise.resolve(mixed)} />);
    const claude = await screen.findByTestId('usage-agent-claude');
    expect(within(claude).getByTestId('usage-cost').getAttribute('data-estimated')).toBe('part');
    expect(within(claude).getByTestId('usage-estimated-part').textContent).toContain('~$0.50 est.');
    expect(screen.getByTestId('usage-agent-codex').textContent).toContain('no runs yet');
    expect(screen.queryByTestId('usage-models')).toBeNull();
  });

  it('shows why the report could not be read', async () => {
    render(<UsagePanel load={() => Promise.reject(new ApiError(401, 'missing or wrong token'))} />);
    await waitFor(() => expect(screen.getByTestId('usage-error').textContent).toBe('missing or wrong token'));
  });

  it('shortens token counts', () => {
    expect(formatTokens(999)).toBe('999');
    expect(formatTokens(1_500)).toBe('1.5k');
    expect(formatTokens(25_000_000)).toBe('25M');
  });
});
