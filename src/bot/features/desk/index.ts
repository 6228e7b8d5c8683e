import { Composer } from 'telegraf';
import type { LiveKnowledge } from '../../../knowledge/live.ts';
import type { BackgroundService } from '../../../lifecycle.ts';
import type { FileLayer } from '../../../store/fileLayer.ts';
import type { DeskRepository, FeedbackRepository } from '../../../store/index.ts';
import type { Ticket } from '../../../store/tickets/index.ts';
import { DESK_KINDS } from '../../callbackData.ts';
import type { CommandSpec } from '../../context.ts';
import { escapeHtml } from '../../html.ts';
import { translator } from '../../i18n/index.ts';
import type { DeskPort, TicketEnv } from '../tickets/env.ts';
import { resendAttachments } from '../tickets/evidence.ts';
import { assignTicket, openCountOf, returnOrphanedTickets } from './assign.ts';
import { deskOfficerComposer, deskTopicComposer } from './composer.ts';
import type { DeskEnv } from './env.ts';
import { faqComposer, faqSteps } from './faq.ts';
import { kbComposer } from './kb.ts';
import { queueRelay, relayService } from './relay.ts';
import { checkRights, type RightsReport, rightsText } from './rights.ts';
import { loadRouting, routeTicket } from './routing.ts';
import { serviceTargetService } from './serviceTargets.ts';
import { groupLang, openTopic, syncTopic } from './topics.ts';

export type { DeskEnv } from './env.ts';

export interface DeskOptions {
  deskStore: DeskRepository;
  knowledge: LiveKnowledge;
  feedback: FeedbackRepository;
  layer?: FileLayer | undefined;
}

/**
 * The officers' desk inside Telegram, built by the tickets feature it serves: one forum topic per
 * ticket in the officers' group (when it is a forum and the bot may manage topics), replies held
 * for an undo window, notes, assignment and routing, and service-target warnings.
 */
export function createDesk(ticketEnv: TicketEnv, options: DeskOptions) {
  const env: DeskEnv = {
    ...ticketEnv,
    deskStore: options.deskStore,
    knowledge: options.knowledge,
    feedback: options.feedback,
    ...(options.layer ? { layer: options.layer } : {}),
    routing: loadRouting(ticketEnv.config.ROUTING_FILE, ticketEnv.config.OFFICER_IDS),
  };
  const group = env.config.OFFICER_CHAT_ID;
  let rights: Promise<RightsReport> | undefined;
  const recheck = () => {
    rights =
      group === undefined
        ? Promise.resolve({ forum: false, problems: [] })
        : checkRights(env.telegram, group);
    return rights;
  };
  const forum = async () => group !== undefined && (await (rights ?? recheck())).forum;

  const sync = async (code: string) => {
    if (group === undefined || !env.deskStore.topicOf(code)) return;
    await syncTopic(env, group, code).catch((error: unknown) => {
      env.logger.warn({ code, reason: String(error).slice(0, 160) }, 'could not update a topic');
    });
  };

  const port: DeskPort = {
    async announce(ticket: Ticket) {
      const owner = routeTicket(env.routing, ticket, (id) => openCountOf(env, id));
      if (owner !== null) await assignTicket(env, ticket.code, owner, 'system');
      if (group === undefined || !(await forum())) return false;
      const current = env.tickets.get(ticket.code) ?? ticket;
      try {
        await openTopic(env, group, current);
        return true;
      } catch (error) {
        env.logger.warn({ reason: String(error).slice(0, 160) }, 'could not open a ticket topic');
        return false;
      }
    },
    threadOf: (code) => env.deskStore.topicOf(code)?.threadId,
    async copyFromFiler(ticket, item) {
      const topic = env.deskStore.topicOf(ticket.code);
      if (group === undefined || !topic) return false;
      const t = translator(groupLang(env));
      const extra = { message_thread_id: topic.threadId, protect_content: true };
      const header = t('desk.notice.fromFiler', { code: ticket.code });
      if (ticket.anonymous) {
        // Re-sent rather than copied: no call about this topic names the filer's chat.
        await env.telegram.sendMessage(
          group,
          item.text ? `${header}\n${escapeHtml(item.text)}` : header,
          extra,
        );
        await resendAttachments(env, group, item.attachments, `#${ticket.code}`, extra);
        return true;
      }
      await env.telegram.sendMessage(group, header, extra);
      const [only] = item.messageIds;
      await (item.messageIds.length === 1 && only !== undefined
        ? env.telegram.copyMessage(group, ticket.filer.chatId, only, extra)
        : env.telegram.copyMessages(group, ticket.filer.chatId, item.messageIds, extra));
      return true;
    },
    sync,
    async queueReply(ctx, code, text) {
      const message = ctx.message;
      const chatId = ctx.chat?.id;
      if (!message || chatId === undefined) return;
      await queueRelay(env, ctx, {
        code,
        kind: 'text',
        text,
        fromChatId: chatId,
        messageId: message.message_id,
      });
    },
  };

  const control = { recheck, sync };
  const startup: BackgroundService = {
    name: 'desk start',
    start() {
      void (async () => {
        if (group !== undefined) {
          const report = await recheck();
          if (report.problems.length > 0) {
            const t = translator(groupLang(env));
            await env.telegram.sendMessage(group, rightsText(t, report)).catch(() => undefined);
          }
        }
        const returned = await returnOrphanedTickets(env);
        if (returned.length === 0) return;
        for (const code of returned) await sync(code);
        const t = translator(groupLang(env));
        const text = t('desk.returned', { codes: returned.map((code) => `#${code}`).join(', ') });
        for (const chat of group === undefined ? env.config.OFFICER_IDS : [group]) {
          await env.telegram.sendMessage(chat, text).catch(() => undefined);
        }
      })().catch((error: unknown) => {
        env.logger.error({ reason: String(error).slice(0, 160) }, 'desk start-up check failed');
      });
    },
    async stop() {},
  };

  const commands: CommandSpec[] = [
    { command: 'setup', description: 'cmd.setup', audience: 'officer' },
    { command: 'assign', description: 'cmd.assign', audience: 'officer' },
    { command: 'kb', description: 'cmd.kb', audience: 'officer' },
  ];

  return {
    env,
    port,
    topicComposer: deskTopicComposer(env),
    officerComposer: Composer.compose([
      deskOfficerComposer(env, control),
      faqComposer(env),
      kbComposer(env),
    ]),
    surface: {
      commands: ['setup', 'assign', 'unanswered', 'kb'],
      callbacks: DESK_KINDS.map((kind) => kind.pattern),
    },
    steps: faqSteps(env),
    services: [
      startup,
      relayService(env),
      serviceTargetService(env, env.config.TARGET_CHECK_SECONDS * 1000),
    ],
    commands,
  };
}
