import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@upsignal/shared';

/**
 * Requests Node's HTTP parser refuses before the app sees them (headers or a URL over its
 * 16 KiB limit, a malformed request line) get a problem+json like every other error, instead
 * of Node's bare status line. Written straight to the socket, as the `clientError` event asks:
 * there is no request or response object yet (nodejs.org/api/http.html, event 'clientError').
 */
export function answerClientErrors(server: Server) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that went away, or one whose socket can no longer be written, gets nothing.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }

    const problem = problemFor(error.code);
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}

function problemFor(code: string | undefined): Problem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return problem(431, 'Headers too large', 'Headers and the URL are limited to 16 KiB.');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'Request timeout', 'The request did not arrive in time.');
    default:
      return problem(400, 'Bad request', 'The request is not valid HTTP/1.1.');
  }
}

function problem(status: number, title: string, detail: string): Problem {
  const slug = title.toLowerCase().replaceAll(' ', '-');
  return { type: `https://upsignal.dev/problems/${slug}`, title, status, detail };
}
