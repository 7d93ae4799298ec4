/** Shared pieces of every email: escaping, the HTML frame, and the plain-text twin built from the same parts. */

export type Language = 'nb' | 'en';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** An invitation's calendar event, sent as an `.ics` attachment. */
  ics?: string;
}

export interface EmailLink {
  label: string;
  url: string;
}

export interface EmailParts {
  language: Language;
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** The one thing the email asks the reader to do. */
  action?: EmailLink;
  /** Further links, after the action: the volunteer's status page, for instance. */
  links?: EmailLink[];
  signature: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Renders one message as HTML and as plain text, so the two never drift apart. */
export function renderParts(parts: EmailParts): RenderedEmail {
  const links = [...(parts.action ? [parts.action] : []), ...(parts.links ?? [])];
  const text = [parts.greeting, ...parts.paragraphs, ...links.map((link) => `${link.label}: ${link.url}`), parts.signature].join('\n\n');
  const html = `<!doctype html>
<html lang="${parts.language}">
<head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 38em;">
<p>${escapeHtml(parts.greeting)}</p>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${links.map((link) => `<p><a href="${escapeHtml(link.url)}" style="color: #0b5394;">${escapeHtml(link.label)}</a></p>`).join('\n')}
<p style="white-space: pre-line;">${escapeHtml(parts.signature)}</p>
</body>
</html>
`;
  return { subject: parts.subject, text: `${text}\n`, html };
}
