import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { ReceivedMail } from './global-setup';

function mailDir(): string {
  const dir = process.env.KONTAKT_E2E_MAIL_DIR;
  if (!dir) throw new Error('KONTAKT_E2E_MAIL_DIR is not set: is support/global-setup.ts configured?');
  return dir;
}

function mailsTo(address: string): ReceivedMail[] {
  const dir = mailDir();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ReceivedMail)
    .filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits for the first mail to `address` whose text contains `containing`. */
export async function waitForMail(address: string, containing: string, timeout = 20_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = mailsTo(address).find((mail) => mail.text.includes(containing));
        return found !== undefined;
      },
      { message: `a mail to ${address} containing "${containing}"`, timeout, intervals: [100, 250, 500] },
    )
    .toBe(true);
  if (!found) throw new Error('unreachable');
  return found;
}

/** The path and query of the first link in `mail` to `path` (the mail's links are absolute). */
export function linkIn(mail: ReceivedMail, path: string): string {
  const pattern = new RegExp(`https?://[^\\s/]+(${path.replace(/[.?]/g, '\\$&')}\\?[^\\s]+)`);
  const match = pattern.exec(mail.text);
  if (!match?.[1]) throw new Error(`no link to ${path} in the mail "${mail.subject}":\n${mail.text}`);
  return match[1];
}

/** The value of the `token` query parameter of a link. */
export function tokenOf(link: string): string {
  const token = new URL(link, 'http://localhost').searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}
