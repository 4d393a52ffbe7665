import { registerStrings } from '../../i18n/i18n.ts';

/** Strings of the password reset screens; loaded with those screens and the sign-in page's link. */
const ru = {
  reset: {
    forgot: 'Забыли пароль?',
    requestTitle: 'Сброс пароля',
    requestHint: 'Укажите e-mail учётной записи: мы пришлём ссылку, по которой можно задать новый пароль.',
    send: 'Прислать ссылку',
    sent: 'Если учётная запись с этим e-mail есть, ссылка уже в пути. Она работает один раз и недолго.',
    newTitle: 'Новый пароль',
    newPassword: 'Новый пароль',
    repeat: 'Повторите пароль',
    mismatch: 'Пароли не совпадают',
    tooShort: 'Не короче 8 символов',
    save: 'Сохранить пароль',
    done: 'Пароль изменён. Войдите с новым паролем.',
    noToken: 'В ссылке нет кода сброса. Запросите новую ссылку.',
    again: 'Запросить новую ссылку',
    invalid: 'Эта ссылка больше не работает: ею уже воспользовались или её срок истёк. Запросите новую.',
  },
};
const en: typeof ru = {
  reset: {
    forgot: 'Forgot your password?',
    requestTitle: 'Reset your password',
    requestHint: "Enter your account's e-mail: we will send a link to set a new password.",
    send: 'Send the link',
    sent: 'If an account has this e-mail, a link is on its way. It works once, for a short time.',
    newTitle: 'New password',
    newPassword: 'New password',
    repeat: 'Repeat the password',
    mismatch: 'The passwords differ',
    tooShort: 'At least 8 characters',
    save: 'Save the password',
    done: 'Your password is changed. Sign in with the new one.',
    noToken: 'The link has no reset code. Ask for a new link.',
    again: 'Ask for a new link',
    invalid: 'This link works no more: it was used or it expired. Ask for a new one.',
  },
};
registerStrings({ ru, en });
