import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { DataTable, ErrorState, Field, fieldErrors, Link, matchPath, matchRoute, navigate, NumberInput, pathOf, registerRoute, StatusBadge, TextInput, toneOf, useRoute } from '.';

describe('DataTable', () => {
  const columns = [{ key: 'name', header: 'Name', render: (r: { id: string }) => r.id }];

  it('shows its empty state when there are no rows', () => {
    render(<DataTable columns={columns} rows={[]} rowKey={(r) => r.id} empty="No workflows yet." testId="wf" />);
    expect(screen.getByTestId('wf-empty').textContent).toBe('No workflows yet.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('opens a row on click and pages', () => {
    const opened = vi.fn();
    const paged = vi.fn();
    render(
      <DataTable
        columns={columns}
        rows={[{ id: 'a' }, { id: 'b' }]}
        rowKey={(r) => r.id}
        onRowClick={opened}
        paging={{ page: 0, size: 2, total: 5, onPage: paged }}
      />,
    );
    fireEvent.click(screen.getByText('b'));
    expect(opened).toHaveBeenCalledWith({ id: 'b' });
    expect(screen.getByText('page 1 of 3')).toBeTruthy();
    expect((screen.getByTestId('pager-prev') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('pager-next'));
    expect(paged).toHaveBeenCalledWith(1);
  });
});

describe('Field', () => {
  it('shows the error at the field instead of the hint and marks the input invalid', () => {
    render(
      <Field label="Name" hint="a short name" error="required" errorTestId="name-error">
        <TextInput value="" onChange={() => {}} />
      </Field>,
    );
    const input = screen.getByLabelText('Name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('name-error').textContent).toBe('required');
    expect(screen.getByRole('alert').id).toBe(input.getAttribute('aria-describedby'));
    expect(screen.queryByText('a short name')).toBeNull();
  });

  it('keeps an integer input to digits', () => {
    const changed = vi.fn();
    render(<NumberInput integer aria-label="n" value="" onChange={changed} />);
    fireEvent.change(screen.getByLabelText('n'), { target: { value: '1.5' } });
    fireEvent.change(screen.getByLabelText('n'), { target: { value: '-15' } });
    expect(changed.mock.calls).toEqual([['-15']]);
  });

  it('maps a server 400 to the form field it names', () => {
    expect(fieldErrors(new ApiError(400, 'too long', 'steps[2].prompt'), ['name', 'steps'])).toEqual({ steps: 'too long' });
    expect(fieldErrors(new ApiError(400, 'bad JSON', 'body'))).toEqual({ form: 'bad JSON' });
    expect(fieldErrors(new ApiError(400, 'no', 'other'), ['name'])).toEqual({ form: 'no' });
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('StatusBadge', () => {
  it('gives statuses their tones, extensible per panel', () => {
    expect(toneOf('running')).toBe('running');
    expect(toneOf('done')).toBe('success');
    expect(toneOf('failed')).toBe('danger');
    expect(toneOf('waiting_user')).toBe('warning');
    expect(toneOf('something_new')).toBe('neutral');
    expect(toneOf('voting', { voting: 'info' })).toBe('info');
    render(<StatusBadge status="waiting_user" data-testid="b" />);
    const badge = screen.getByTestId('b');
    expect(badge.getAttribute('data-tone')).toBe('warning');
    expect(badge.className).toContain('badge-warning');
    expect(badge.textContent).toBe('waiting user');
  });
});

describe('ErrorState', () => {
  it('reads an API error: status, code, message and field', () => {
    const retry = vi.fn();
    render(<ErrorState error={new ApiError(404, 'no such workflow: x', 'id', 'not_found')} onRetry={retry} testId="e" />);
    expect(screen.getByRole('alert').textContent).toContain('404 not found');
    expect(screen.getByTestId('e').textContent).toBe('no such workflow: x');
    expect(screen.getByRole('alert').textContent).toContain('field: id');
    fireEvent.click(screen.getByText('retry'));
    expect(retry).toHaveBeenCalled();
  });
});

describe('router', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('matches patterns and fills them', () => {
    expect(matchPath('/jobs/:id', '/jobs/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/jobs/:id', '/jobs')).toBeNull();
    expect(matchPath('/jobs/:id', '/jobs/1/more')).toBeNull();
    expect(matchPath('/files/*', '/files/src/a.ts')).toEqual({ '*': 'src/a.ts' });
    expect(matchPath('/', '/')).toEqual({});
    expect(pathOf('/debates/:id', { id: 'x/y' })).toBe('/debates/x%2Fy');
  });

  it('navigates between registered routes and follows links and back', () => {
    registerRoute({ path: '/test-things' }, { path: '/test-things/:id' });
    function Where() {
      const route = useRoute();
      return (
        <div>
          <span data-testid="where">{route ? `${route.route.path} ${JSON.stringify(route.params)}` : 'none'}</span>
          <Link to="/test-things/7">seven</Link>
        </div>
      );
    }
    render(<Where />);
    act(() => navigate('/test-things'));
    expect(screen.getByTestId('where').textContent).toBe('/test-things {}');
    expect(window.location.pathname).toBe('/test-things');

    fireEvent.click(screen.getByText('seven'));
    expect(screen.getByTestId('where').textContent).toBe('/test-things/:id {"id":"7"}');

    act(() => {
      window.history.back();
    });
    return vi.waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/test-things {}')).then(() => {
      act(() => navigate('/nowhere'));
      expect(screen.getByTestId('where').textContent).toBe('none');
      expect(matchRoute('/test-things/9')?.params).toEqual({ id: '9' });
    });
  });
});
