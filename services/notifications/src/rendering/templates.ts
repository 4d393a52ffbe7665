import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { Channel, TemplateName } from '../domain/notice.ts';

const TEMPLATE_DIR = new URL('../../templates/', import.meta.url);
export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Rendered {
  /** The SMS text, or the e-mail's plain-text part. */
  text: string;
  subject: string | null;
  html: string | null;
}

// Plain text needs no HTML escaping; the HTML layout escapes every value it prints.
const plain = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function load(file: string, asHtml: boolean): Handlebars.TemplateDelegate {
  const key = `${asHtml ? 'html' : 'text'}:${file}`;
  let template = compiled.get(key);
  if (!template) {
    const source = readFileSync(new URL(file, TEMPLATE_DIR), 'utf8');
    template = asHtml ? Handlebars.compile(source, { strict: true }) : plain.compile(source, { noEscape: true, strict: false });
    compiled.set(key, template);
  }
  return template;
}

/**
 * Renders a template for a channel in a locale (`templates/<locale>/<template>.<channel>.hbs`).
 * An e-mail template's first line is the subject and the rest the text part; its HTML part is the
 * locale's layout around the same paragraphs. Values are strings the caller has formatted.
 */
export function render(template: TemplateName, channel: Channel, locale: Locale, values: Record<string, string>): Rendered {
  const output = load(`${locale}/${template}.${channel}.hbs`, false)(values).trim();
  if (channel === 'sms') return { text: output, subject: null, html: null };
  const [subject = '', ...rest] = output.split('\n');
  const text = rest.join('\n').trim();
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());
  const html = load(`${locale}/layout.html.hbs`, true)({ subject, paragraphs, locale });
  return { text, subject: subject.trim(), html };
}

export const asLocale = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'ru');
