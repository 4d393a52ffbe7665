import { registerStrings } from '../../i18n/i18n.ts';

/** The customer account's own pages (address book, profile): loaded with them, not with the storefront. */
const ru = {
  account: {
    addresses: 'Адреса доставки',
    noAddresses: 'Сохранённых адресов пока нет',
    addAddress: 'Добавить адрес',
    label: 'Название (дом, работа)',
    recipient: 'Получатель',
    makeDefault: 'Сделать основным',
    isDefault: 'основной',
    delete: 'Удалить',
    savedAddress: 'Сохранённый адрес',
    newAddress: 'Новый адрес',
    saveAddress: 'Сохранить адрес в книге',
    profile: 'Профиль',
    profileSaved: 'Профиль сохранён.',
    password: 'Смена пароля',
    currentPassword: 'Текущий пароль',
    newPassword: 'Новый пароль',
    changePassword: 'Сменить пароль',
    passwordChanged: 'Пароль изменён. Другие входы в учётную запись завершены.',
  },
};

const en: typeof ru = {
  account: {
    addresses: 'Delivery addresses',
    noAddresses: 'No saved addresses yet',
    addAddress: 'Add address',
    label: 'Name (home, work)',
    recipient: 'Recipient',
    makeDefault: 'Make default',
    isDefault: 'default',
    delete: 'Delete',
    savedAddress: 'Saved address',
    newAddress: 'New address',
    saveAddress: 'Save the address in my book',
    profile: 'Profile',
    profileSaved: 'Profile saved.',
    password: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    changePassword: 'Change password',
    passwordChanged: 'Password changed. Other sign-ins to the account were ended.',
  },
};

registerStrings({ ru, en });
