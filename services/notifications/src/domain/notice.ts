/** The templates there are (files `templates/<locale>/<template>.<channel>.hbs`). */
export const TEMPLATES = {
  welcome: ['email'],
  'order.paid': ['sms', 'email'],
  'shipment.picked_up': ['sms', 'email'],
  'shipment.failed': ['sms', 'email'],
  'order.delivered': ['sms', 'email'],
  'order.cancelled': ['sms', 'email'],
  'order.refunded': ['email'],
  'return.approved': ['sms', 'email'],
  'return.rejected': ['email'],
  'return.received': ['email'],
  'password.reset': ['email'],
  'service_request.completed': ['email'],
  'service_request.unmatched': ['sms', 'email'],
} as const satisfies Record<string, readonly Channel[]>;

export type Channel = 'sms' | 'email';
export type TemplateName = keyof typeof TEMPLATES;

/** Facts a template may print, before they are written for the customer's locale. */
export interface NoticeFacts {
  name?: string;
  number?: string;
  total?: { amount: number; currency: string };
  eta?: string | null;
  trackingNumber?: string;
  reason?: string | null;
  /** The proof-of-delivery code the customer tells the courier. */
  deliveryCode?: string;
  /** A password reset link's token and when it stops working. */
  resetToken?: string;
  resetExpiresAt?: string;
  /** A service request's report: the service, what was done, hours, materials used and the receipt. */
  service?: string;
  summary?: string;
  hours?: number;
  materials?: { title: string; quantity: number }[];
  receipt?: string;
}

/** Messages about the account's safety: sent whatever the customer's preferences say. */
export const ESSENTIAL: ReadonlySet<TemplateName> = new Set<TemplateName>(['password.reset']);

/** What one event tells one customer: which template, with which facts, and (when the event knows it) to which phone. */
export interface Notice {
  userId: string;
  template: TemplateName;
  /** The phone the event carries (an order's delivery phone); otherwise the customer's last known one is used. */
  phone: string | null;
  /** The e-mail the event carries (an account's own); otherwise the customer's last known one is used. */
  email?: string | null;
  facts: NoticeFacts;
}

export const channelsOf = (template: TemplateName): readonly Channel[] => TEMPLATES[template];

/** The customer's choice: each channel on or off (both on until they say otherwise). */
export interface Preferences {
  sms: boolean;
  email: boolean;
}

/** The channels a notice goes out on: those its template has, the customer allows and an address exists for. */
export function channelsFor(
  template: TemplateName,
  prefs: Preferences,
  contact: { phone: string | null; email: string | null },
): Channel[] {
  const allowed = ESSENTIAL.has(template) ? { sms: true, email: true } : prefs;
  return channelsOf(template).filter((channel) => (channel === 'sms' ? allowed.sms && !!contact.phone : allowed.email && !!contact.email));
}

/** Whether a notice should wait for the customer's e-mail: its template and the customer want one, and none is known yet. */
export function waitsForEmail(template: TemplateName, prefs: Preferences, email: string | null): boolean {
  if (email) return false;
  const allowed = ESSENTIAL.has(template) || prefs.email;
  return allowed && channelsOf(template).includes('email');
}
