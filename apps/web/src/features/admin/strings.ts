import { registerStrings } from '../../i18n/i18n.ts';

/** The admin cabinet's strings: loaded with the cabinet, not with the storefront. */
const ru = {
  admin: {
    users: 'Пользователи',
    warehouses: 'Склады',
    find: 'Имя или e-mail',
    role: 'Роль',
    roles: 'Роли',
    rolesOf: 'Роли: {{name}}',
    default: 'основной',
    audit: 'Журнал ролей',
    when: 'Когда',
    user: 'Пользователь',
    actor: 'Кто изменил',
    before: 'Было',
    after: 'Стало',
    system: 'система',
    more: 'Показать ещё',
    warehouseName: 'Склад',
    address: 'Адрес',
    noAudit: 'Роли ещё никто не менял',
  },
};

const en: typeof ru = {
  admin: {
    users: 'Users',
    warehouses: 'Warehouses',
    find: 'Name or e-mail',
    role: 'Role',
    roles: 'Roles',
    rolesOf: 'Roles of {{name}}',
    default: 'default',
    audit: 'Audit log',
    when: 'When',
    user: 'User',
    actor: 'Changed by',
    before: 'Before',
    after: 'After',
    system: 'system',
    more: 'Show more',
    warehouseName: 'Warehouse',
    address: 'Address',
    noAudit: 'No role has been changed yet',
  },
};

registerStrings({ ru, en });
