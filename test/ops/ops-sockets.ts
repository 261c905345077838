import fs from 'node:fs';

export interface ServerSockets {
  /** Connections the kernel completed that the server process has not accepted yet. */
  backlog: number;
  /** Connections established with the server (its side of them, accepted or still queued). */
  established: number;
  /** Of those, connections whose every byte the server has read: a request sent on one is in its hands. */
  read: number;
}

/**
 * What the kernel says about a server on 127.0.0.1:port (Linux /proc/net/tcp): whether every
 * connection has been accepted and every request byte read. Null where /proc is not there.
 */
export function serverSockets(port: number): ServerSockets | null {
  let table: string;
  try {
    table = fs.readFileSync('/proc/net/tcp', 'utf8');
  } catch {
    return null;
  }
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const out: ServerSockets = { backlog: 0, established: 0, read: 0 };
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f[1] !== local) continue;
    const rx = parseInt(f[4].split(':')[1], 16);
    if (f[3] === '0A') out.backlog += rx; // LISTEN: rx_queue is the accept queue
    else if (f[3] === '01') { out.established++; if (rx === 0) out.read++; } // ESTABLISHED
  }
  return out;
}
