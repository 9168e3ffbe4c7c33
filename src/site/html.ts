/**
 * A tiny auto-escaping HTML builder for the site's TypeScript templates.
 *
 * Every interpolated value in html`…` is escaped unless it is already a SafeHtml
 * (the output of another html`…` call, or markup explicitly marked with raw()).
 * Arrays are joined; null, undefined and false render as nothing.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for use in HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escape text for XML (Atom, sitemap): the same five entities; strips characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: escapes every interpolation that is not SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Mark a string as trusted markup (only for output of markdown-it with html:false, or our own builders). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Join HTML fragments with a separator (the separator is escaped unless SafeHtml). */
export function join(items: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  const sep = render(separator);
  return new SafeHtml(items.map(render).join(sep));
}
