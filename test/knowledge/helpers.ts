import { fileURLToPath } from 'node:url';

/** Paths of the small, hand-written fixture knowledge base used by the unit tests. */
export const FIXTURES = {
  knowledgeDir: fileURLToPath(new URL('./fixtures/knowledge', import.meta.url)),
  sourceFile: fileURLToPath(new URL('./fixtures/report.txt', import.meta.url)),
  contactsFile: fileURLToPath(new URL('./fixtures/contacts.yaml', import.meta.url)),
};

/** Paths of the real, shipped knowledge base. */
export const SHIPPED = {
  knowledgeDir: fileURLToPath(new URL('../../data/knowledge', import.meta.url)),
  sourceFile: fileURLToPath(
    new URL('../../data/source/bao-cao-20-nam-kcn-bac-ninh-2018.txt', import.meta.url),
  ),
  contactsFile: fileURLToPath(new URL('../../data/contacts/contacts.yaml', import.meta.url)),
};

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
