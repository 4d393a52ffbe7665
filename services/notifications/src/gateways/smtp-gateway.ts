import nodemailer from 'nodemailer';
import type { Gateway } from './gateway.ts';

/** E-mail over SMTP with nodemailer: a text and an HTML part, our message id as the Message-ID. */
export function smtpGateway(options: { url: string; from: string }): Gateway {
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    // Plain smtp:// to a local relay or sink; STARTTLS is used whenever the server offers it.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    pool: true,
    maxConnections: 2,
    connectionTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: `<${message.id}@bazar>`,
      });
      return info.messageId;
    },
    close: () => transport.close(),
  };
}
