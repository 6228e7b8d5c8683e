import type { NoticeRequest } from '../../../store/tickets/index.ts';
import type { TicketEnv } from './env.ts';
import { officerChats } from './notify.ts';

/** Officers' chats, for a notice every officer must get (a new ticket, a reopening, new info). */
export const toOfficers = (env: TicketEnv, request: Omit<NoticeRequest, 'to'>): NoticeRequest => ({
  ...request,
  to: officerChats(env),
});

/** The filer, wherever their reply chat is kept (anonymous tickets keep it apart). */
export const toFiler = (request: Omit<NoticeRequest, 'to'>): NoticeRequest => ({
  ...request,
  to: ['filer'],
});
