import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { FileLayer } from '../../../store/fileLayer.ts';
import type { DeskRepository, FeedbackRepository } from '../../../store/index.ts';
import type { TicketEnv } from '../tickets/env.ts';
import type { RoutingRule } from './routing.ts';

/** What the desk handlers and services share; built once by the tickets feature. */
export interface DeskEnv extends TicketEnv {
  deskStore: DeskRepository;
  routing: readonly RoutingRule[];
  knowledge: LiveKnowledge;
  /** Unanswered questions, which officers answer into the knowledge base. */
  feedback: FeedbackRepository;
  /** The store's file operations, for the knowledge files an approved draft rewrites. */
  layer?: FileLayer;
}
