import { deadLetters } from '@bazar/kit/bus/dead-letters';
import { loadPlatformConfig } from '@bazar/kit/config';
import { SERVICES } from './services.ts';

/** `bazar dlq list|replay [service]`: shows the events RabbitMQ dead-lettered, or sends them back for new attempts. Exit 1 when any are listed. */
export async function dlqCommand(sub: string | undefined, service: string | undefined): Promise<number> {
  if (sub !== 'list' && sub !== 'replay') {
    console.error('usage: bazar dlq list|replay [service]');
    return 2;
  }
  const platform = loadPlatformConfig();
  if (!platform.AMQP_URL) {
    console.error('bazar dlq needs AMQP_URL: the embedded bus keeps no dead letters across restarts');
    return 2;
  }
  const groups = service ? [service] : SERVICES.map((s) => s.name);
  const letters = await deadLetters({ url: platform.AMQP_URL, prefix: platform.AMQP_PREFIX, groups, replay: sub === 'replay' });
  for (const letter of letters) {
    console.log(`${letter.group}\t${letter.type}\t${letter.eventId}\tafter ${letter.attempts} attempt(s)\t${letter.error}`);
  }
  console.log(`${letters.length} dead letter(s)${sub === 'replay' ? ' sent back to their queues' : ''}`);
  return sub === 'list' && letters.length > 0 ? 1 : 0;
}
