import type { Message } from 'telegraf/types';
import type { Attachment, Ticket } from '../../../store/tickets/index.ts';
import type { TicketEnv } from './env.ts';
import { filerReachable } from './filerDelivery.ts';

/** Seconds within which two long texts are parts of one paste Telegram split at 4,096 characters. */
export const PASTE_JOIN_SECONDS = 5;
/** A part this long is what Telegram cuts a paste into; a shorter text is a new message. */
export const PASTE_PART_MIN = 3000;

/**
 * The file of a message as evidence: photo (largest size), document, voice note, audio, video or
 * video note, with the message id (for copyMessage) and the album it belongs to; null for text.
 */
export function attachmentOf(message: Message): Attachment | null {
  const base = {
    messageId: message.message_id,
    ...('media_group_id' in message && message.media_group_id
      ? { albumId: message.media_group_id }
      : {}),
  };
  if ('photo' in message) {
    const largest = message.photo.at(-1);
    return largest ? { kind: 'photo', fileId: largest.file_id, ...base } : null;
  }
  if ('document' in message) return { kind: 'document', fileId: message.document.file_id, ...base };
  if ('voice' in message) return { kind: 'voice', fileId: message.voice.file_id, ...base };
  if ('audio' in message) return { kind: 'audio', fileId: message.audio.file_id, ...base };
  if ('video' in message) return { kind: 'video', fileId: message.video.file_id, ...base };
  if ('video_note' in message) {
    return { kind: 'video_note', fileId: message.video_note.file_id, ...base };
  }
  return null;
}

/** The text of a message: its text, or the caption of its file (a caption counts as text). */
export function textOf(message: Message): string | null {
  if ('text' in message) return message.text.trim() || null;
  if ('caption' in message) return message.caption?.trim() || null;
  return null;
}

/** Pieces of evidence: an album counts once, however many photos it has. */
export function evidenceCount(attachments: readonly Attachment[]): number {
  const albums = new Set(attachments.flatMap((a) => (a.albumId ? [a.albumId] : [])));
  return attachments.filter((a) => !a.albumId).length + albums.size;
}

/** Whether `attachment` continues an album already in the list (no new prompt for it). */
export function continuesAlbum(
  attachments: readonly Attachment[],
  attachment: Attachment,
): boolean {
  return (
    attachment.albumId !== undefined &&
    attachments.some((other) => other !== attachment && other.albumId === attachment.albumId)
  );
}

/** Where in the chat copies go (a ticket's topic) and whether they may be forwarded on. */
export interface CopyOptions {
  message_thread_id?: number;
  protect_content?: boolean;
}

/** Resending by file id names no chat at all: used for anonymous tickets' topics. */
export interface EvidenceOptions extends CopyOptions {
  byFileId?: boolean;
}

type Sender = (
  chatId: number,
  fileId: string,
  extra: { caption: string } & CopyOptions,
) => Promise<unknown>;

function senderFor(env: TicketEnv, kind: Attachment['kind']): Sender {
  const { telegram } = env;
  switch (kind) {
    case 'photo':
      return (chat, file, extra) => telegram.sendPhoto(chat, file, extra);
    case 'document':
      return (chat, file, extra) => telegram.sendDocument(chat, file, extra);
    case 'voice':
      return (chat, file, extra) => telegram.sendVoice(chat, file, extra);
    case 'audio':
      return (chat, file, extra) => telegram.sendAudio(chat, file, extra);
    case 'video':
      return (chat, file, extra) => telegram.sendVideo(chat, file, extra);
    case 'video_note':
      return (chat, file, { caption: _caption, ...extra }) =>
        telegram.sendVideoNote(chat, file, extra);
  }
}

/** Sends attachments by file id, each with `caption`, into a chat or topic. */
export async function resendAttachments(
  env: TicketEnv,
  chatId: number,
  attachments: readonly Attachment[],
  caption: string,
  options: CopyOptions = {},
): Promise<void> {
  for (const item of attachments) {
    await senderFor(env, item.kind)(chatId, item.fileId, { caption, ...options });
  }
}

/**
 * Sends a ticket's evidence to an officer chat: a copy of the filer's own messages (copyMessage,
 * albums together with copyMessages), which carries no link to the filer; by file id when the
 * chat link is gone (erased data) or a copy fails.
 */
export async function deliverEvidence(
  env: TicketEnv,
  chatId: number,
  ticket: Ticket,
  { byFileId = false, ...options }: EvidenceOptions = {},
): Promise<void> {
  const caption = `#${ticket.code}`;
  const done = new Set<Attachment>();
  for (const attachment of ticket.attachments) {
    if (done.has(attachment)) continue;
    const group = attachment.albumId
      ? ticket.attachments.filter((a) => a.albumId === attachment.albumId)
      : [attachment];
    for (const item of group) done.add(item);
    const ids = group.flatMap((item) => (item.messageId === undefined ? [] : [item.messageId]));
    if (!byFileId && filerReachable(ticket) && ids.length === group.length) {
      const copied = await (ids.length > 1
        ? env.telegram.copyMessages(chatId, ticket.filer.chatId, ids, options)
        : env.telegram.copyMessage(chatId, ticket.filer.chatId, ids[0] as number, options)
      ).then(
        () => true,
        () => false,
      );
      if (copied) continue;
    }
    for (const item of group) {
      await senderFor(env, item.kind)(chatId, item.fileId, { caption, ...options });
    }
  }
}
