import { registerStrings } from '../../i18n/i18n.ts';

/** The operator cabinet's strings: loaded with the cabinet, not with the storefront. */
const ru = {
  operator: {
    orders: 'Заказы',
    anyStatus: 'Любой',
    dates: 'Даты',
    find: 'Номер заказа, телефон или e-mail',
    none: 'Заказов не найдено',
    polling: 'Список обновляется сам каждые 5 секунд.',
    refund: 'Возврат денег',
    refundAmount: 'Сумма, {{currency}} (пусто — всё)',
    refundReason: 'Причина',
  },
};

const en: typeof ru = {
  operator: {
    orders: 'Orders',
    anyStatus: 'Any',
    dates: 'Dates',
    find: 'Order number, phone or e-mail',
    none: 'No orders found',
    polling: 'The list refreshes by itself every 5 seconds.',
    refund: 'Refund',
    refundAmount: 'Amount, {{currency}} (empty: all)',
    refundReason: 'Reason',
  },
};

registerStrings({ ru, en });
