import type { core as vi } from '../vi/core.ts';

/** Core messages in English; the type makes a key missing here (or only here) a compile error. */
export const core: { readonly [K in keyof typeof vi]: string } = {
  'start.greeting':
    'Hello <b>{name}</b>! I am the online assistant of the <b>Management Board of Bắc Ninh Industrial Parks</b>.\nI answer questions about procedures, workers’ rights and the parks, from documents the Board has published.',
  'start.greetingBack': 'Welcome back, <b>{name}</b>!',
  'role.ask': 'Are you a <b>worker</b> or an <b>enterprise</b>? I will suggest what fits you.',
  'role.worker': '👷 Worker',
  'role.enterprise': '🏭 Enterprise',
  'role.saved.worker': 'Noted: you are a <b>worker</b>. Type /role to change it.',
  'role.saved.enterprise': 'Noted: you are an <b>enterprise</b>. Type /role to change it.',
  'menu.title': '<b>How can I help?</b>\nType any question, or choose:',
  'menu.ask': '❓ Ask a question',
  'menu.askHint':
    'Type your question, for example: <i>how to register an investment project</i> or <i>average worker income</i>.',
  'menu.help': 'ℹ️ Help',
  'menu.role': '🔁 Change role',
  'help.title': '<b>Commands you can use</b>',
  'help.officerTitle': '<b>Officer commands</b>',
  'help.footer':
    'You can also just type a question: I look for the answer in the Board’s report and cite the source.',
  'cmd.start': 'Start and open the menu',
  'cmd.help': 'List of commands',
  'cmd.role': 'Change role (worker / enterprise)',
  'cmd.cancel': 'Cancel what you are doing',
  'cancel.done': 'Cancelled. Type a question, or /start to open the menu.',
  'cancel.nothing': 'There is nothing to cancel.',
  'error.generic':
    'Sorry, something went wrong while handling your request. Please try again in a few minutes; if it keeps failing, type /start.',
  'error.notSaved':
    'Sorry, that was not saved: the server could not store it. Nothing was recorded, so please send it again in a few minutes.',
  'error.unknownCommand': 'I do not know the command {command}. Type /help to see the commands.',
  'error.unsupportedMessage':
    'I can read text messages and files (photos, documents, voice, video), not this kind of message. Type a question, or /help to see the commands.',
  'fallback.file.kept': '📎 I have not kept this file: you are not writing a complaint or request.',
  'fallback.file.draft':
    '📎 I have not kept this file: your draft is put aside. Type /{command} to resume it, then send the file when asked.',
  'fallback.file.worker':
    'To send it as evidence, type /complaint and attach it when asked, or open your ticket in /mytickets and press ➕ Add information. For a question, just type it.',
  'fallback.file.enterprise':
    'To attach it to a request, type /request and attach it when asked, or open your ticket in /mytickets and press ➕ Add information. For a question, just type it.',
  'fallback.file.none':
    'To send it as evidence, type /complaint (workers) or /request (enterprises) and attach it when asked. For a question, just type it.',
  'fallback.file.officer':
    'To send a file as a notice, use /broadcast; to answer a ticket, open it from /tickets.',
  'error.staleButton': 'This button has expired. Type /start to open the menu again.',
  'error.notOfficer': 'This command is for officers of the Management Board only.',
  'error.slowDown':
    'You are sending messages too fast. I will pause replies for {seconds} seconds; after that, carry on as usual.',
  'error.groupChat': 'Please message me privately to get support.',
};
