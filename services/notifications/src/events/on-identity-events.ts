import { PasswordResetRequested, UserRegistered } from '@bazar/contracts/events/identity';
import { type EventHandler, onEvent } from '@bazar/kit/events/inbox';
import type { NotificationsContext } from '../app/context.ts';
import { queueNotice } from '../app/queue-notice.ts';
import { releaseParkedNotices } from '../app/release-parked-notices.ts';
import { rememberContact } from '../app/remember-contact.ts';

/** A new customer: their name, e-mail and phone are kept, notices that waited for the e-mail go out, and they get a welcome e-mail. */
export function identityHandlers(ctx: NotificationsContext): EventHandler[] {
  return [
    onEvent(UserRegistered, async (txc, { id, data }) => {
      await rememberContact(ctx, txc.tx, {
        userId: data.userId,
        name: data.name,
        email: data.email,
        ...(data.phone ? { phone: data.phone } : {}),
      });
      await releaseParkedNotices(ctx, txc, data.userId);
      if (!data.roles.includes('customer')) return;
      await queueNotice(ctx, txc, id, { userId: data.userId, template: 'welcome', phone: null, facts: { name: data.name } });
    }),
    // The reset link goes to the account's own e-mail, whatever the preferences say.
    onEvent(PasswordResetRequested, async (txc, { id, data }) => {
      await queueNotice(ctx, txc, id, {
        userId: data.userId,
        template: 'password.reset',
        phone: null,
        email: data.email,
        facts: { name: data.name, resetToken: data.token, resetExpiresAt: data.expiresAt },
      });
    }),
  ];
}
