import { InputError } from '@bazar/kit/errors';
import { listWindows, replaceWindows } from '../db/slot-repo.ts';
import { normalizeCity } from '../domain/courier-choice.ts';
import type { DeliveryContext } from './context.ts';

/** An operator sets the windows a city offers each day and their capacity. */
export async function setSlotWindows(
  ctx: DeliveryContext,
  input: { city: string; windows: { id: string; from: string; to: string; capacity: number }[] },
) {
  const city = normalizeCity(input.city);
  const ids = new Set(input.windows.map((w) => w.id));
  if (ids.size !== input.windows.length) throw new InputError([{ path: '/windows', message: 'window ids must differ' }]);
  if (input.windows.some((w) => w.from >= w.to)) throw new InputError([{ path: '/windows', message: 'a window ends after it starts' }]);
  await ctx.deps.uow(async ({ tx }) =>
    replaceWindows(
      tx,
      city,
      input.windows.map((w) => ({ ...w, city })),
      ctx.deps.clock.now(),
    ),
  );
  return { city, windows: (await listWindows(ctx.deps.db, city)).map(({ id, from, to, capacity }) => ({ id, from, to, capacity })) };
}
