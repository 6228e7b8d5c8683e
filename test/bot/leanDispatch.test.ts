import { Composer, Context } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import { useLeanDispatch } from '../../src/bot/leanDispatch.ts';

const me = { id: 1, is_bot: true, first_name: 'KCN', username: 'kcn_bot' } as UserFromGetMe;
const textUpdate = (text: string): Update =>
  ({
    update_id: 1,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: 5, type: 'private', first_name: 'A' },
      from: { id: 5, is_bot: false, first_name: 'A' },
      text,
    },
  }) as Update;
const contextFor = (update: Update) =>
  new Context(update, {} as ConstructorParameters<typeof Context>[1], me);

describe('lean dispatch', () => {
  it('runs handlers in order, skips those that do not match, and sees handlers added later', async () => {
    useLeanDispatch();
    const seen: string[] = [];
    const composer = new Composer<Context>();
    composer.action('press', () => {
      seen.push('action');
    });
    composer.use(async (_ctx, next) => {
      seen.push('first');
      await next();
      seen.push('first after');
    });
    composer.on('text', async (ctx, next) => {
      seen.push(`text ${ctx.text}`);
      await next();
    });
    await composer.middleware()(contextFor(textUpdate('hi')), async () => {
      seen.push('end');
    });
    composer.hears('again', () => {
      seen.push('added later');
    });
    await composer.middleware()(contextFor(textUpdate('again')), async () => undefined);
    expect(seen).toEqual([
      'first',
      'text hi',
      'end',
      'first after',
      'first',
      'text again',
      'added later',
      'first after',
    ]);
  });

  it('refuses a second next() and passes a handler error on, like telegraf', async () => {
    useLeanDispatch();
    const twice = Composer.compose<Context>([
      async (_ctx, next) => {
        await next();
        await next();
      },
      () => undefined,
    ]);
    await expect(twice(contextFor(textUpdate('x')), async () => undefined)).rejects.toThrow(
      'next() called multiple times',
    );
    const throwing = Composer.compose<Context>([
      (_ctx, next) => next(),
      () => {
        throw new Error('handler broke');
      },
    ]);
    await expect(throwing(contextFor(textUpdate('x')), async () => undefined)).rejects.toThrow(
      'handler broke',
    );
  });
});
