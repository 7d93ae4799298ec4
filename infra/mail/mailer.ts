import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  ics?: string;
}

/** The port activities send through; failures throw so Temporal retries them. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** A nodemailer SMTP transport (the mail catcher, Mailpit, or the municipality's relay). */
export function createSmtpMailer(smtp: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: smtp.url,
    // Reuse up to four connections instead of a new one (and its TLS handshake) per email: the
    // largest single part of a reminder's lag and of the kickoff's wall time (npm run bench, B3/B5).
    pool: true,
    maxConnections: 4,
    // Fail well within the activity's 30 s start-to-close timeout, so Temporal retries promptly.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send({ ics, ...email }) {
      // The part's method must match the calendar's own (RFC 6047): an invitation, or a cancellation.
      const method = ics && /^METHOD:CANCEL\r?$/m.test(ics) ? 'CANCEL' : 'REQUEST';
      const attachments = ics ? [{ filename: 'invitasjon.ics', content: ics, contentType: `text/calendar; charset=utf-8; method=${method}` }] : [];
      await transport.sendMail({ from: smtp.from, ...email, attachments });
    },
    close() {
      transport.close();
    },
  };
}
