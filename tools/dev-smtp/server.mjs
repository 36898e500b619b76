import { startSinkHttp, startSmtpSink } from './sink.mjs';

/**
 * The development SMTP sink as a process (issue #16): SMTP on HUB_DEV_SMTP_PORT (default 1025),
 * the received mails as JSON on HUB_DEV_SMTP_HTTP_PORT (default 1080): `GET /messages`,
 * `DELETE /messages`, `GET /health`. In memory: a restart forgets them.
 */
const host = process.env.HUB_DEV_SMTP_HOST ?? '127.0.0.1';
const sink = await startSmtpSink({ host, port: Number(process.env.HUB_DEV_SMTP_PORT ?? 1025) });
const http = await startSinkHttp(sink, { host, port: Number(process.env.HUB_DEV_SMTP_HTTP_PORT ?? 1080) });
console.log(`dev-smtp: SMTP ${sink.url}, mails at http://${host}:${http.port}/messages`);
const stop = async () => {
  await Promise.allSettled([sink.stop(), http.stop()]);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
