import { registerStrings } from '../../i18n/i18n.ts';

/** The controller cabinet's strings: loaded with the cabinet, not with the storefront. */
const ru = {
  controller: {
    accounts: 'Счета',
    entries: 'Проводки',
    account: 'Счёт',
    type: 'Тип',
    debits: 'Дебет',
    credits: 'Кредит',
    balance: 'Сальдо',
    orderId: 'ID заказа',
    debit: 'Дебет',
    credit: 'Кредит',
    check: 'Проверка',
    runCheck: 'Проверить ещё раз',
    checkOk: 'Книга сходится',
    checkFailed: 'Нарушений: {{count}}',
    checkSummary: 'Проводок {{entries}}, записей {{postings}}; проверено {{at}}.',
    violations: 'Нарушения',
    rule: 'Правило',
    where: 'Где',
    detail: 'Подробности',
  },
};

const en: typeof ru = {
  controller: {
    accounts: 'Accounts',
    entries: 'Entries',
    account: 'Account',
    type: 'Type',
    debits: 'Debits',
    credits: 'Credits',
    balance: 'Balance',
    orderId: 'Order ID',
    debit: 'Debit',
    credit: 'Credit',
    check: 'Check',
    runCheck: 'Check again',
    checkOk: 'The ledger balances',
    checkFailed: 'Violations: {{count}}',
    checkSummary: '{{entries}} entries, {{postings}} postings; checked {{at}}.',
    violations: 'Violations',
    rule: 'Rule',
    where: 'Where',
    detail: 'Detail',
  },
};

registerStrings({ ru, en });
