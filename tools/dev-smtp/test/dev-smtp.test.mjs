// The development SMTP server really speaks SMTP and shows what it got (issue #16).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import nodemailer from 'nodemailer';
import { startDevSmtp } from '../server.mjs';

let server;
const dir = mkdtempSync(join(tmpdir(), 'hub-dev-smtp-'));
before(async () => {
  server = await startDevSmtp({ smtpPort: 0, webPort: 0, dir });
});
after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps a message sent over SMTP and lists it in its web inbox', async () => {
  const transport = nodemailer.createTransport(`smtp://127.0.0.1:${server.smtpPort}`);
  await transport.sendMail({
    from: 'no-reply@astanahub.kz',
    to: 'ceo@steppe.kz',
    subject: 'Өтінімге ескертулер',
    text: 'Body',
    headers: { 'Content-Language': 'kk' },
  });
  transport.close();
  assert.deepEqual(readdirSync(dir).sort(), ['1.eml', '1.json']);
  const messages = await (await fetch(`http://127.0.0.1:${server.webPort}/messages.json`)).json();
  assert.equal(messages.length, 1);
  assert.equal(messages[0].subject, 'Өтінімге ескертулер');
  assert.deepEqual(messages[0].to, ['ceo@steppe.kz']);
  assert.equal(messages[0].language, 'kk');
  const page = await (await fetch(`http://127.0.0.1:${server.webPort}/`)).text();
  assert.match(page, /Өтінімге ескертулер/);
});
