import { MailDev } from 'maildev';
import { join } from 'node:path';

export interface MailCatcher {
  webUrl: string;
  stop(): Promise<void>;
}

/**
 * The embedded default's SMTP server: MailDev catches every email Samspill sends and shows it in
 * the browser, so nothing reaches a real inbox on a developer's machine.
 */
export async function startMailCatcher(options: { smtpPort: number; webPort: number; dataDir: string }): Promise<MailCatcher> {
  const maildev = new MailDev({
    smtp: options.smtpPort,
    web: options.webPort,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    mailDirectory: join(options.dataDir, 'mail'),
    silent: true,
  });
  await maildev.start();
  return { webUrl: `http://localhost:${options.webPort}`, stop: () => maildev.stop() };
}
