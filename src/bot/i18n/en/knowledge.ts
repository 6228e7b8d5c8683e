import type { knowledge as vi } from '../vi/knowledge.ts';

/** Answers from the knowledge base, topics, feedback and the officers' knowledge commands. */
export const knowledge: { readonly [K in keyof typeof vi]: string } = {
  'kb.source':
    '📄 <i>Source: Report on 20 years of building and developing the Bắc Ninh industrial parks (2018), section {section}</i>',
  'kb.excerptIntro':
    'I have no prepared answer to this question. The most relevant passage of the Board’s report (<b>quoted as written, in Vietnamese</b>):',
  'kb.excerptSource':
    '📄 <i>Excerpt from the 20-year report on the Bắc Ninh industrial parks (2018), section {section}: {title}</i>',
  'kb.noAnswer':
    'Sorry, I <b>found no answer</b> to this question in the Board’s documents, so I will not guess. The Board’s documents (its 20-year report, with figures up to 2018, and answers approved by officers) cover the parks’ figures, investment and company procedures, workers’ rights, the environment, trade unions and the Board’s work; they give no fees, deadlines, figures after 2018 or the detailed rules of the law. You can browse by topic, send your question to an officer, or see /contact.',
  'kb.seeAlso': 'Related questions:',
  'kb.smallTalk.greeting':
    'Hello! I am the assistant of the Bắc Ninh Industrial Parks Management Board. Type your question, or choose from the menu.',
  'kb.smallTalk.thanks': 'You are welcome! Ask me anything else at any time.',
  'kb.smallTalk.goodbye': 'Goodbye! Write to me whenever you need.',
  'kb.smallTalk.acknowledgement':
    'All right. Type a question whenever you like, or choose from the menu.',
  'kb.menuButton': '📋 Menu',
  'kb.grievance':
    'I am sorry to hear what happened to you. The Management Board receives and handles workers’ complaints and petitions and is tasked with protecting workers’ lawful rights and interests. You can <b>file a complaint</b> right here; by default it is anonymous and officers do not see your name.',
  'kb.offTopic':
    'That is outside what I know. I can help with the Bắc Ninh industrial parks: investment and company procedures, workers’ rights, the environment, trade unions, figures about the parks, and sending a complaint or a support request to the Board.',
  'kb.contactButton': '☎️ Contact the Board',
  'kb.browseTopics': '📚 Browse topics',
  'kb.fileComplaint': '📝 File a complaint',
  'kb.fileRequest': '📨 Send a support request',
  'kb.subscribe': '🔔 Subscribe to notices',
  'kb.remind': '⏰ Set a reminder',
  'kb.helpful': '👍 Helpful',
  'kb.notHelpful': '👎 Not right',
  'kb.thanks': 'Thank you for the feedback!',
  'kb.topicsTitle': '<b>Topics</b> — choose one (page {page}/{pages}):',
  'kb.topicTitle': '<b>{topic}</b> — choose a question (page {page}/{pages}):',
  'kb.previous': '◀️ Previous',
  'kb.next': 'Next ▶️',
  'kb.backToTopics': '↩️ Topics',
  'kb.contactPhone': 'Phone',
  'kb.contactEmail': 'E-mail',
  'kb.contactAddress': 'Address',
  'kb.contactWebsite': 'Website',
  'kb.contactHours': 'Opening hours',
  'kb.unansweredEmpty': 'No unanswered questions so far.',
  'kb.dislikedTitle': '<b>Answers rated 👎</b>:',
  'kb.reloaded': 'Knowledge base reloaded: <b>{count}</b> entries.',
  'kb.reloadFailed':
    'Some files could not be reloaded: their previous contents stay in use. Fix these problems, then send /reload:',
  'menu.topics': '📚 Topics',
  'menu.contact': '☎️ Contacts',
  'cmd.topics': 'Browse questions by topic',
  'cmd.contact': 'The Board’s contact details',
  'cmd.unanswered': 'Unanswered questions and answers rated 👎',
  'cmd.reload': 'Reload the knowledge base after editing its files',
};
