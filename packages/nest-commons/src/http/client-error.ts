import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

const TYPE_BASE = 'https://hub.astanahub.kz/problems/';

/**
 * Requests Node's HTTP parser rejects before any middleware runs — headers over the size limit,
 * a malformed request line, a header that times out — are answered as problem+json too (issue #18:
 * every 4xx is a problem naming what is wrong), not with Node's bare status line.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_HEADERS_TIMEOUT' ? 408 : 400;
    const problem = {
      type: `${TYPE_BASE}${status === 431 ? 'headers-too-large' : status === 408 ? 'request-timeout' : 'malformed-http'}`,
      title: STATUS_CODES[status] ?? 'Bad Request',
      status,
      detail:
        status === 431
          ? 'The request headers are larger than the server accepts.'
          : status === 408
            ? 'The request was not received in time.'
            : 'The request is not valid HTTP.',
      errors: [{ field: status === 431 ? 'headers' : 'request', message: status === 431 ? 'too large' : 'malformed' }],
    };
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
