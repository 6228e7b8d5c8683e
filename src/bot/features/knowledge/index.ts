import { Composer } from 'telegraf';
import type { ValidationProblem } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { FeedbackRepository } from '../../../store/index.ts';
import type { BotContext } from '../../context.ts';
import type { Feature } from '../feature.ts';
import { askComposer } from './ask.ts';
import { knowledgeOfficerComposer } from './officer.ts';
import { topicsComposer } from './topics.ts';

/** Questions answered from the Board's report, topics to browse, and the officers' tools. */
export function knowledgeFeature(
  knowledge: LiveKnowledge,
  feedback: FeedbackRepository,
  now: () => Date,
  /** Other operator-edited files /reload re-reads (the parks list); returns their problems. */
  reloadOthers: () => ValidationProblem[] = () => [],
): Feature {
  const composer = new Composer<BotContext>();
  composer.use(
    topicsComposer(knowledge),
    knowledgeOfficerComposer(knowledge, feedback, reloadOthers),
    askComposer(knowledge, feedback, now),
  );
  return {
    name: 'knowledge',
    composer,
    commands: [
      { command: 'topics', description: 'cmd.topics', audience: 'everyone' },
      { command: 'contact', description: 'cmd.contact', audience: 'everyone' },
      { command: 'unanswered', description: 'cmd.unanswered', audience: 'officer' },
      { command: 'reload', description: 'cmd.reload', audience: 'officer' },
    ],
    menu: [
      { label: 'menu.ask', data: 'menu:ask', audience: 'everyone' },
      { label: 'menu.topics', data: 'menu:topics', audience: 'everyone' },
      { label: 'menu.contact', data: 'menu:contact', audience: 'everyone' },
    ],
  };
}
