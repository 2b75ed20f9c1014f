// Raw HTTP over a TCP socket, for requests `inject` and fetch refuse to make (malformed headers,
// Transfer-Encoding with Content-Length, over-long request lines).
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent, to check nothing of the request is echoed. */
  text: string;
}

/**
 * Sends `request` and collects the answer until the server closes. With `holdOpen`, the client
 * does not half-close its side (pipelined keep-alive requests) and stops listening after that many ms.
 */
export function rawRequest(url: string, request: string | Buffer, timeoutMs = 5_000, holdOpen?: number): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      if (!holdOpen) reject(new Error(`no answer within ${timeoutMs} ms`));
    }, holdOpen ?? timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined); // the server may close while we still write
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), text });
    });
    if (holdOpen) socket.write(request);
    else socket.end(request);
  });
}
