import { Composer } from 'telegraf';
import type { Contact } from '../../../knowledge/index.ts';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import { MENU, NEW_TICKET, narrow, onCallback } from '../../callbackData.ts';
import type { BotContext } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import { callbackButton } from '../../keyboard.ts';

type ContactField = 'phone' | 'email' | 'address' | 'website';
const FIELDS: ReadonlyArray<
  [ContactField, 'kb.contactPhone' | 'kb.contactEmail' | 'kb.contactAddress' | 'kb.contactWebsite']
> = [
  ['phone', 'kb.contactPhone'],
  ['email', 'kb.contactEmail'],
  ['address', 'kb.contactAddress'],
  ['website', 'kb.contactWebsite'],
];
/** Shown with a reachable contact, after its address; hours alone reach nobody. */
const HOURS_AFTER = 'address';

/** Whether an operator has filled at least one way to reach this contact. */
export function isReachable(contact: Contact): boolean {
  return FIELDS.some(([field]) => contact[field] !== null);
}

/**
 * /contact lists only what an operator filled in: a contact with no phone, e-mail, address or
 * website is left out (a list of "not given" lines helps nobody), and the description is the
 * public one from the file. With nothing filled, the user is offered to ask an officer instead.
 */
export function renderContacts(ctx: BotContext, contacts: readonly Contact[]) {
  const reachable = contacts.filter(isReachable);
  if (reachable.length === 0) {
    const data = NEW_TICKET.build(ctx.profile.role === 'worker' ? 'complaint' : 'request');
    return {
      text: ctx.t('contact.none'),
      keyboard: [[callbackButton(ctx.t('contact.askOfficer'), data)]],
    };
  }
  const blocks = reachable.map((contact) =>
    [
      `<b>${escapeHtml(contact.name[ctx.lang])}</b>`,
      escapeHtml(contact.description[ctx.lang]),
      ...FIELDS.flatMap(([field, label]) => {
        const value = contact[field];
        const line = value === null ? [] : [`${ctx.t(label)}: ${escapeHtml(value)}`];
        const hours = contact.hours;
        if (field !== HOURS_AFTER || hours === null) return line;
        return [...line, `${ctx.t('kb.contactHours')}: ${escapeHtml(hours)}`];
      }),
    ].join('\n'),
  );
  return { text: [ctx.t('contact.title'), ...blocks].join('\n\n'), keyboard: [] };
}

/** /contact and the menu's ☎️ button. */
export function contactsComposer(knowledge: LiveKnowledge) {
  const composer = new Composer<BotContext>();
  const show = async (ctx: BotContext) => {
    const { text, keyboard } = renderContacts(ctx, knowledge.current.contacts);
    await ctx.reply(
      text,
      keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {},
    );
  };
  composer.command('contact', show);
  onCallback(composer, narrow(MENU, 'contact'), async (ctx) => {
    await ctx.answerCbQuery();
    await show(ctx);
  });
  return composer;
}
