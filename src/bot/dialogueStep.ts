import type { AnyCallbackKind } from './callbackKind.ts';
import type { BotContext } from './context.ts';
import type { Dialogue } from './sessionTypes.ts';

/** Every dialogue kind but idle. */
export type StepKind = Exclude<Dialogue['kind'], 'idle'>;
export type DialogueOf<K extends StepKind> = Extract<Dialogue, { kind: K }>;

/** What a message is, as a dialogue step sees it. */
export type Incoming = 'text' | 'media';

/**
 * One dialogue step, declared by the feature that owns it and run by the one dispatcher
 * (features/dialogue.ts). The step says what it reads and what becomes of anything else, so no
 * feature has to guess from the order of registration whether a message is its own:
 * - a message of a kind it `accepts` goes to `onMessage`;
 * - a typed text it does not accept is a question: answered from the knowledge base while the
 *   step stays pending, followed by `pending` so the user knows it still waits;
 * - a file it does not accept gets `pending` too, nothing is stored;
 * - a command, or a button of another feature, ends the step (`leave: 'end'`) or keeps it aside
 *   to resume (`leave: 'suspend'`), and the user is told which with `left`.
 */
export interface DialogueStep<K extends StepKind = StepKind> {
  kind: K;
  /**
   * `officer`: only someone in OFFICER_IDS may answer it; anyone else (an officer removed from
   * the list mid-dialogue) gets the officer guard's refusal and the step takes nothing.
   */
  audience?: 'officer';
  /** What the step reads now; `ctx` lets it look at the message (a paste's next part). */
  accepts(dialogue: DialogueOf<K>, ctx: BotContext): readonly Incoming[];
  /** The kinds of this step's own buttons (callbackData.ts): pressing one keeps the step. */
  callbacks: readonly AnyCallbackKind[];
  onMessage?(ctx: BotContext, dialogue: DialogueOf<K>): Promise<unknown>;
  leave: 'end' | 'suspend';
  /**
   * Where a suspended step is kept: one kept step per slot (default: its kind), so drafts of
   * different types are kept side by side and never replace one another.
   */
  slot?(dialogue: DialogueOf<K>): string;
  left(ctx: BotContext, dialogue: DialogueOf<K>): string;
  /** Said on /cancel, when it differs from `left` (a suspended draft is discarded by /cancel). */
  cancelled?(ctx: BotContext, dialogue: DialogueOf<K>): string;
  pending(ctx: BotContext, dialogue: DialogueOf<K>): string;
  /** ISO time after which the step has lapsed on its own (pending officer replies). */
  expiresAt?(dialogue: DialogueOf<K>): string | undefined;
  /** Said when the step lapsed. */
  expired?(ctx: BotContext, dialogue: DialogueOf<K>): string;
}

/** A step whose dialogue type is erased, so steps of every feature fit in one list. */
export interface AnyStep {
  kind: StepKind;
  officerOnly: boolean;
  accepts(dialogue: Dialogue, ctx: BotContext): readonly Incoming[];
  callbacks: readonly AnyCallbackKind[];
  onMessage?: ((ctx: BotContext, dialogue: Dialogue) => Promise<unknown>) | undefined;
  leave: 'end' | 'suspend';
  slot(dialogue: Dialogue): string;
  left(ctx: BotContext, dialogue: Dialogue): string;
  cancelled(ctx: BotContext, dialogue: Dialogue): string;
  pending(ctx: BotContext, dialogue: Dialogue): string;
  expiresAt(dialogue: Dialogue): string | undefined;
  expired(ctx: BotContext, dialogue: Dialogue): string;
}

/** Declares a step; the dispatcher only ever calls it with a dialogue of its own kind. */
export function defineStep<K extends StepKind>(step: DialogueStep<K>): AnyStep {
  const own = (dialogue: Dialogue) => dialogue as DialogueOf<K>;
  const { onMessage } = step;
  return {
    kind: step.kind,
    officerOnly: step.audience === 'officer',
    callbacks: step.callbacks,
    leave: step.leave,
    slot: (dialogue) => step.slot?.(own(dialogue)) ?? step.kind,
    accepts: (dialogue, ctx) => step.accepts(own(dialogue), ctx),
    onMessage: onMessage && ((ctx, dialogue) => onMessage.call(step, ctx, own(dialogue))),
    left: (ctx, dialogue) => step.left(ctx, own(dialogue)),
    cancelled: (ctx, dialogue) => (step.cancelled ?? step.left)(ctx, own(dialogue)),
    pending: (ctx, dialogue) => step.pending(ctx, own(dialogue)),
    expiresAt: (dialogue) => step.expiresAt?.(own(dialogue)),
    expired: (ctx, dialogue) => (step.expired ?? step.left)(ctx, own(dialogue)),
  };
}

/** Set by the dispatcher when a text typed during a step that does not read text is a question. */
const QUESTION = 'dialogueQuestion';

/** Marks the update as a question typed during a pending step (see {@link DialogueStep}). */
export function markQuestion(ctx: BotContext): void {
  ctx.state[QUESTION] = true;
}

/**
 * Whether a typed text should be answered as a question: when no dialogue is open, or when the
 * dispatcher decided the open step does not read text.
 */
export function readsAsQuestion(ctx: BotContext): boolean {
  return ctx.session.dialogue.kind === 'idle' || ctx.state[QUESTION] === true;
}

/** The kind of a message for a step: text (a caption counts as text with its file), media, or null. */
export function incomingOf(message: object): Incoming | null {
  if ('text' in message) return 'text';
  const media = ['photo', 'document', 'voice', 'audio', 'video', 'video_note'];
  return media.some((field) => field in message) ? 'media' : null;
}
