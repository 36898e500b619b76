#!/usr/bin/env node
// A development SMTP server with a web inbox (issue #16, ADR 0090), started by `tools/hub up`:
//   SMTP on 127.0.0.1:1025 (HUB_DEV_SMTP_PORT), a web inbox on http://127.0.0.1:1080 (HUB_DEV_SMTP_WEB_PORT),
//   every message kept as <n>.eml and <n>.json in $HUB_STATE_DIR/dev-smtp (survives restarts).
// Never for production: it accepts any sender and recipient without authentication.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const escape = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export async function startDevSmtp({ smtpPort = 1025, webPort = 1080, dir } = {}) {
  mkdirSync(dir, { recursive: true });
  const list = () =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort((a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  let n = list().reduce((max, m) => Math.max(max, m.n), 0);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        try {
          const raw = Buffer.concat(chunks);
          const mail = await simpleParser(raw);
          n += 1;
          writeFileSync(join(dir, `${n}.eml`), raw);
          const meta = {
            n,
            receivedAt: new Date().toISOString(),
            from: mail.from?.text ?? session.envelope.mailFrom?.address ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            messageId: mail.messageId ?? '',
            language: mail.headers.get('content-language') ?? '',
            text: mail.text ?? '',
          };
          writeFileSync(join(dir, `${n}.json`), JSON.stringify(meta, null, 2));
          callback();
        } catch (e) {
          callback(e);
        }
      });
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, '127.0.0.1', resolve);
  });
  const web = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/messages.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list()));
      return;
    }
    const rows = list()
      .map(
        (m) =>
          `<article><h2>${escape(m.subject)}</h2><p><b>To</b> ${escape(m.to.join(', '))} · <b>From</b> ${escape(m.from)} · ${escape(m.receivedAt)} · ${escape(m.language)} · ${escape(m.messageId)}</p><pre>${escape(m.text)}</pre></article>`,
      )
      .join('\n');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><meta charset="utf-8"><title>Hub dev mail</title><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}article{border-bottom:1px solid #ccc}pre{white-space:pre-wrap}</style><h1>Development inbox (${list().length})</h1>${rows || '<p>No mail yet.</p>'}</html>`,
      );
  });
  await new Promise((resolve) => web.listen(webPort, '127.0.0.1', resolve));
  return {
    smtpPort: smtp.server.address().port,
    webPort: web.address().port,
    close: () => Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => web.close(r))]),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const state = process.env.HUB_STATE_DIR ?? join(homedir(), '.local', 'state', 'hub-platform');
  const s = await startDevSmtp({
    smtpPort: Number(process.env.HUB_DEV_SMTP_PORT ?? 1025),
    webPort: Number(process.env.HUB_DEV_SMTP_WEB_PORT ?? 1080),
    dir: join(state, 'dev-smtp'),
  });
  process.stdout.write(`dev SMTP on 127.0.0.1:${s.smtpPort}, web inbox http://127.0.0.1:${s.webPort}\n`);
  const stop = () => s.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
