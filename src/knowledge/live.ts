import { errorMessage } from '../errors.ts';
import {
  type KnowledgeBase,
  KnowledgeValidationError,
  loadKnowledgeBase,
  type ValidationProblem,
} from './index.ts';

export interface KnowledgePaths {
  knowledgeDir: string;
  sourceFile: string;
  contactsFile: string;
}

export type ReloadResult =
  | { ok: true; entries: number }
  | { ok: false; problems: ValidationProblem[] };

/**
 * The knowledge base the bot answers from, replaceable while running: officers edit the files
 * and send /reload; a file that fails validation is reported and the previous base stays live.
 */
export class LiveKnowledge {
  private constructor(
    private base: KnowledgeBase,
    private readonly paths: KnowledgePaths,
  ) {}

  /** Loads at start-up; invalid files stop the program (KnowledgeValidationError). */
  static async load(paths: KnowledgePaths): Promise<LiveKnowledge> {
    return new LiveKnowledge(await loadKnowledgeBase(paths), paths);
  }

  /** For tests and benches that build a base in memory. */
  static of(base: KnowledgeBase, paths: KnowledgePaths): LiveKnowledge {
    return new LiveKnowledge(base, paths);
  }

  /** The folder of topic files, where the officers' approved answers are written too. */
  get knowledgeDir(): string {
    return this.paths.knowledgeDir;
  }

  /** Every file the base is loaded from, for a check of an edit in a scratch copy. */
  get files(): KnowledgePaths {
    return { ...this.paths };
  }

  get current(): KnowledgeBase {
    return this.base;
  }

  async reload(): Promise<ReloadResult> {
    try {
      this.base = await loadKnowledgeBase(this.paths);
      return { ok: true, entries: this.base.entries.length };
    } catch (error) {
      if (error instanceof KnowledgeValidationError) return { ok: false, problems: error.problems };
      const message = errorMessage(error);
      return { ok: false, problems: [{ file: this.paths.knowledgeDir, field: '', message }] };
    }
  }
}

/** Where the shipped knowledge files live, relative to the project folder. */
export function defaultKnowledgePaths(root = '.'): KnowledgePaths {
  return {
    knowledgeDir: `${root}/data/knowledge`,
    sourceFile: `${root}/data/source/bao-cao-20-nam-kcn-bac-ninh-2018.txt`,
    contactsFile: `${root}/data/contacts/contacts.yaml`,
  };
}
