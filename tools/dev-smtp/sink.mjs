import { createServer as createHttpServer } from 'node:http';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/**
 * A development SMTP sink (issue #16, ADR 0091): a real SMTP server over TCP (`smtp-server`) that
 * accepts every mail, parses it (`mailparser`) and keeps it in memory, in arrival order. Tests start
 * it in-process (`startSmtpSink`) and read `messages()`; `tools/dev-smtp/server.mjs` runs it as a
 * process with an HTTP view (`GET /messages`, `DELETE /messages`). It delivers nothing anywhere.
 *
 * `reject` makes the server answer every mail with a temporary failure (451), for outage tests
 * beside stopping it outright.
 */
export async function startSmtpSink(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const received = [];
  let rejecting = false;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    banner: 'hub dev-smtp sink',
    onData(stream, session, callback) {
      if (rejecting) {
        stream.resume();
        stream.on('end', () => {
          const err = new Error('dev-smtp: temporarily rejecting mail');
          err.responseCode = 451;
          callback(err);
        });
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          received.push({
            messageId: mail.messageId ?? null,
            from: mail.from?.text ?? '',
            to: (session.envelope.rcptTo ?? []).map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            headers: Object.fromEntries(
              [...mail.headers.entries()].map(([k, v]) => [
                k,
                typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : (v?.text ?? JSON.stringify(v)),
              ]),
            ),
            receivedAt: new Date().toISOString(),
          });
          callback();
        },
        (err) => callback(err),
      );
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = server.server.address().port;
  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    messages: () => received.slice(),
    clear: () => {
      received.length = 0;
    },
    reject: (on = true) => {
      rejecting = on;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An HTTP view of a sink: `GET /messages` (JSON, oldest first), `DELETE /messages`. */
export async function startSinkHttp(sink, options = {}) {
  const host = options.host ?? '127.0.0.1';
  const http = createHttpServer((req, res) => {
    if (req.url === '/messages' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(sink.messages()));
    } else if (req.url === '/messages' && req.method === 'DELETE') {
      sink.clear();
      res.writeHead(204).end();
    } else if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', smtp: sink.url }));
    } else {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'GET /messages, DELETE /messages, GET /health' }));
    }
  });
  await new Promise((resolve) => http.listen(options.port ?? 0, host, resolve));
  return { port: http.address().port, stop: () => new Promise((resolve) => http.close(() => resolve())) };
}
