import { Composer, Context, type Middleware, type MiddlewareFn } from 'telegraf';

/**
 * Telegraf runs every update through each registered handler in turn, and each step of its
 * `Composer.compose` is two async functions and their promises, each `command`/`action`/`on`
 * that does not match a further four (`Composer.branch` goes through `Composer.lazy`). A question
 * passes about 280 such steps before the knowledge feature answers it; at 200 users at once
 * those chains live through the Bot API round trip, survive the young generation and made
 * garbage collection half of the bot's time (see bench/README.md). These two replacements keep
 * telegraf's behaviour (handlers looked up at call time, the same errors for a bad `next`) and
 * allocate only the promises the handlers themselves make.
 */
function leanCompose<C extends Context>(
  middlewares: ReadonlyArray<Middleware<C>>,
): MiddlewareFn<C> {
  if (!Array.isArray(middlewares)) throw new Error('Middlewares must be an array');
  if (middlewares.length === 0) return Composer.passThru();
  if (middlewares.length === 1) return Composer.unwrap(middlewares[0] as Middleware<C>);
  return (ctx, next) => {
    let index = -1;
    const execute = (i: number, context: C): Promise<void> => {
      try {
        if (!(context instanceof Context)) throw new Error('next(ctx) called with invalid context');
        if (i <= index) throw new Error('next() called multiple times');
        index = i;
        const handler = Composer.unwrap((middlewares[i] ?? next) as Middleware<C>);
        return Promise.resolve(handler(context, (later = context) => execute(i + 1, later))).then(
          ignore,
        );
      } catch (error) {
        return Promise.reject(error);
      }
    };
    return execute(0, ctx);
  };
}

const ignore = () => undefined;

type Predicate<C> = boolean | ((ctx: C) => boolean | Promise<boolean>);

function leanBranch<C extends Context>(
  predicate: Predicate<C>,
  trueMiddleware: Middleware<C>,
  falseMiddleware: Middleware<C>,
): MiddlewareFn<C> {
  if (typeof predicate !== 'function') {
    return Composer.unwrap(predicate ? trueMiddleware : falseMiddleware);
  }
  return (ctx, next) => {
    const chosen = predicate(ctx);
    if (typeof chosen === 'boolean') {
      return Composer.unwrap(chosen ? trueMiddleware : falseMiddleware)(ctx, next);
    }
    return Promise.resolve(chosen).then((value) =>
      Composer.unwrap(value ? trueMiddleware : falseMiddleware)(ctx, next),
    );
  };
}

/** Installs the lean dispatch; createBot calls it before any composer is built. */
export function useLeanDispatch(): void {
  Composer.compose = leanCompose;
  Composer.branch = leanBranch;
}
