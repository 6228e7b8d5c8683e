import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Collection, type CollectionOptions } from '../collection.ts';

/**
 * The only link from an anonymous ticket to its filer: the chat to send replies to, nothing else
 * (no name, username or user id; in a private chat Telegram's chat id is the user's id, which is
 * what lets the filer find their own tickets). Kept apart from the ticket files, readable by the
 * bot's own account only, so exports, ticket files and officers never hold it.
 */
export const contactsFileSchema = z.record(
  z.string().regex(/^(KN|HT)-\d{4,}$/),
  z.object({ chatId: z.number().int() }),
);
export type ContactsFile = z.infer<typeof contactsFileSchema>;

export interface AnonymousContacts {
  chatOf(code: string): number | undefined;
  /** Codes whose reply chat is `chatId`. */
  codesOf(chatId: number): string[];
  /** Resolves once the link is on disk; written before the ticket itself. */
  set(code: string, chatId: number): Promise<void>;
  remove(codes: string[]): Promise<void>;
  all(): [string, number][];
  flush(): Promise<void>;
}

/** Opens `<dir>/anonymous-contacts.json`; the folder is 0700 and the file 0600. */
export async function openContacts(
  dir: string,
  options: CollectionOptions = {},
): Promise<AnonymousContacts> {
  const file = join(dir, 'anonymous-contacts.json');
  const collection = await Collection.open<ContactsFile>(
    file,
    1,
    contactsFileSchema,
    () => ({}),
    options,
  );
  // Written files are renamed into place, so the mode is set again after every write.
  const restrict = () => chmod(file, 0o600);
  await chmod(dir, 0o700);
  await restrict();
  return {
    chatOf: (code) => collection.data[code]?.chatId,
    codesOf: (chatId) =>
      Object.entries(collection.data)
        .filter(([, contact]) => contact.chatId === chatId)
        .map(([code]) => code),
    async set(code, chatId) {
      // Visible only once written: a failed write leaves the file and memory as they were.
      await collection.update((data) => {
        data[code] = { chatId };
      });
      await restrict();
    },
    async remove(codes) {
      const present = codes.filter((code) => code in collection.data);
      if (present.length === 0) return;
      await collection.update((data) => {
        for (const code of present) delete data[code];
      });
      await restrict();
    },
    all: () => Object.entries(collection.data).map(([code, contact]) => [code, contact.chatId]),
    flush: () => collection.flush(),
  };
}
