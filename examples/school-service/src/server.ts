import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { PROBLEM_JSON } from './http';

/**
 * The problem+json answer to a request Node's HTTP parser refuses before the
 * app sees it (a raw non-ASCII byte in the URL, a malformed header): 400 (431
 * for oversized headers) with a body, instead of Node's bare status line.
 *
 * @example
 * server.on('clientError', answerClientError);
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    type: `urn:nastavnik:problem:${tooLarge ? 'headers_too_large' : 'malformed_request'}`,
    title: tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
    status,
    detail: tooLarge
      ? 'The request headers are too large'
      : 'The request is malformed: a URL must be percent-encoded (no raw non-ASCII characters)',
    code: tooLarge ? 'headers_too_large' : 'malformed_request',
    path: [],
    message: tooLarge
      ? 'Заголовки запроса слишком велики'
      : 'Некорректный запрос: адрес должен быть в процентной кодировке (без «сырой» кириллицы)',
    messageEn: tooLarge
      ? 'The request headers are too large'
      : 'The request is malformed: a URL must be percent-encoded (no raw non-ASCII characters)',
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Serve a Hono app on Node (`@hono/node-server`) with {@link answerClientError}
 * for requests the HTTP parser refuses.
 *
 * @example
 * const server = serveApp(app, { port: 3000, hostname: '127.0.0.1' });
 */
export function serveApp(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { port: number; hostname: string },
  onListening?: (info: { address: string; port: number }) => void,
): Server {
  const server = serve(
    { fetch: app.fetch, port: options.port, hostname: options.hostname },
    onListening,
  ) as Server;
  server.on('clientError', answerClientError);
  return server;
}
