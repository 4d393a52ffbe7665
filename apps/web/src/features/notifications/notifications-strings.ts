import { registerStrings } from '../../i18n/i18n.ts';

const ru = {
  notifications: {
    title: 'Уведомления',
    inbox: 'Входящие',
    none: 'Уведомлений пока нет',
    preferences: 'Как сообщать о заказах',
    sms: 'SMS',
    email: 'E-mail',
    saved: 'Настройки сохранены',
    all: 'Все',
    channels: { sms: 'SMS', email: 'E-mail' },
    statuses: { pending: 'Отправляется', sent: 'Отправлено', stored: 'Сохранено', failed: 'Не отправлено' },
  },
};
const en: typeof ru = {
  notifications: {
    title: 'Notifications',
    inbox: 'Inbox',
    none: 'No notifications yet',
    preferences: 'How to tell you about orders',
    sms: 'SMS',
    email: 'E-mail',
    saved: 'Settings saved',
    all: 'All',
    channels: { sms: 'SMS', email: 'E-mail' },
    statuses: { pending: 'Sending', sent: 'Sent', stored: 'Stored', failed: 'Not sent' },
  },
};

registerStrings({ ru, en });
