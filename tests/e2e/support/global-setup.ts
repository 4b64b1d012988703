import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Where the server under test delivers mail (its KONTAKT_SMTP_URL). */
const SMTP_PORT = Number(process.env.KONTAKT_E2E_SMTP_PORT ?? 18025);

/** A received mail as the tests read it. */
export type ReceivedMail = { to: string[]; subject: string; text: string; receivedAt: string };

/**
 * Starts a real SMTP listener for the whole run. Every worker reads the mail it needs from the
 * directory named by KONTAKT_E2E_MAIL_DIR (see mail.ts): one JSON file per mail, written
 * whole before it appears. The server's outbox retries until the listener is up.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'kontakt-e2e-mail-'));
  process.env.KONTAKT_E2E_MAIL_DIR = dir;
  let count = 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: new Date().toISOString(),
          };
          count += 1;
          const name = `${String(Date.now())}-${String(count)}.json`;
          writeFileSync(join(dir, `.${name}`), JSON.stringify(mail));
          renameSync(join(dir, `.${name}`), join(dir, name));
          callback();
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(SMTP_PORT, '127.0.0.1', () => {
      resolve();
    });
  });

  return async () => {
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    rmSync(dir, { recursive: true, force: true });
  };
}
