import { Composer } from 'telegraf';
import { MENU } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import type { Feature, FeatureDeps, FeatureParts } from '../feature.ts';
import { askComposer } from './ask.ts';
import { contactsComposer } from './contacts.ts';
import { knowledgeOfficerComposer } from './officer.ts';
import { topicsComposer } from './topics.ts';

/** Questions answered from the Board's report, topics to browse, and the officers' tools. */
export const knowledgeFeature: Feature<KnowledgeDeps> = {
  name: 'knowledge',
  create: knowledgeParts,
};

type KnowledgeDeps = Pick<FeatureDeps, 'knowledge' | 'now'> & {
  store: Pick<FeatureDeps['store'], 'feedback'>;
  /** /reload also re-reads the other features' operator-edited files (the parks list). */
  features: Pick<FeatureDeps['features'], 'reload'>;
};

function knowledgeParts({ knowledge, store, now, features }: KnowledgeDeps): FeatureParts {
  const composer = new Composer<BotContext>();
  composer.use(
    topicsComposer(knowledge),
    contactsComposer(knowledge),
    knowledgeOfficerComposer(knowledge, () => features.reload()),
    askComposer(knowledge, store.feedback, now),
  );
  return {
    composer,
    commands: [
      { command: 'topics', description: 'cmd.topics', audience: 'everyone' },
      { command: 'contact', description: 'cmd.contact', audience: 'everyone' },
      { command: 'unanswered', description: 'cmd.unanswered', audience: 'officer' },
      { command: 'reload', description: 'cmd.reload', audience: 'officer' },
    ],
    menu: [
      { label: 'menu.ask', data: MENU.build('ask'), audience: 'everyone' },
      { label: 'menu.topics', data: MENU.build('topics'), audience: 'everyone' },
      { label: 'menu.contact', data: MENU.build('contact'), audience: 'everyone' },
    ],
  };
}
