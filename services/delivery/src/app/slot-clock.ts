import type { DeliveryContext } from './context.ts';

/** Today and the time of day (`HH:MM`) in the delivery windows' time zone. */
export function slotClock(ctx: DeliveryContext): { today: string; nowTime: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ctx.config.DELIVERY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ctx.deps.clock.now());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { today: `${part('year')}-${part('month')}-${part('day')}`, nowTime: `${part('hour')}:${part('minute')}` };
}
