import { dialogueFeature } from './dialogue.ts';
import { fallbackFeature } from './fallback.ts';
import type { Feature } from './feature.ts';
import { helpFeature } from './help.ts';
import { knowledgeFeature } from './knowledge/index.ts';
import { languageFeature } from './language/index.ts';
import { noticesFeature, subscriptionOnboardingFeature } from './notices/index.ts';
import { parksFeature } from './parks.ts';
import { privacyFeature } from './privacy.ts';
import { startFeature } from './start.ts';
import { ticketsFeature } from './tickets/index.ts';

/**
 * Every feature of the bot, in the order their handlers see an update. Adding a feature is one
 * folder and one line here (see CONTRIBUTING.md); createBot never changes.
 */
export const features: readonly Feature[] = [
  // /cancel runs before every feature.
  dialogueFeature,
  // Wraps the role buttons of /start to subscribe a new user; must come before start.
  subscriptionOnboardingFeature,
  startFeature,
  languageFeature,
  helpFeature,
  noticesFeature,
  privacyFeature,
  parksFeature,
  // Before knowledge: a user in a ticket dialogue is answering a prompt, not asking a question.
  ticketsFeature,
  knowledgeFeature,
  // Last: whatever no feature took still gets an answer.
  fallbackFeature,
];
