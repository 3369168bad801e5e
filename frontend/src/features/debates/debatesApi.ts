import { request } from '../../api/client';
import type { Page } from '../../api/types';
import type { Debate, DebateView, NewDebate } from './types';

const enc = encodeURIComponent;

/** The debates endpoints. */
export const debatesApi = {
  create: (debate: NewDebate) => request<DebateView>('POST', '/api/debates', debate),
  list: (page = 0, size = 50) => request<Page<Debate>>('GET', `/api/debates?page=${page}&size=${size}`),
  get: (id: string) => request<DebateView>('GET', `/api/debates/${enc(id)}`),
  cancel: (id: string) => request<DebateView>('POST', `/api/debates/${enc(id)}/cancel`),
};
