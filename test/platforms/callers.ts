/**
 * Which process sent each request a sandbox received. All n8n processes run on this host and
 * reach the sandbox from 127.0.0.1, and nothing in the request names the process; but the
 * kernel knows which process holds the client end of each connection. When the sandbox accepts
 * a connection, its client port is looked up in /proc/net/tcp (giving the socket's inode), and
 * the inode among the open files of the given processes (/proc/<pid>/fd). Linux only, and the
 * test must be allowed to read those processes' /proc entries (same user, or root).
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface CalledRequest {
	/** The name given to the process that sent it, or `unknown`. */
	caller: string;
	method: string;
	/** Path and query, as sent. */
	url: string;
	/** Whether it carried an Authorization header. */
	authorized: boolean;
	/** The status answered; 0 until the answer is sent. */
	status: number;
}

/** `0100007F:1F90` → 127.0.0.1:8080 (little-endian address, big-endian port). */
function parseAddress(field: string): { ip: string; port: number } {
	const [hex, port] = field.split(':');
	const ip = (hex.match(/../g) ?? [])
		.reverse()
		.map((byte) => parseInt(byte, 16))
		.join('.');
	return { ip, port: parseInt(port, 16) };
}

/** The inode of the client end (127.0.0.1:clientPort → 127.0.0.1:serverPort), if listed. */
function clientInode(clientPort: number, serverPort: number): string | undefined {
	const lines = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1);
	for (const line of lines) {
		const fields = line.trim().split(/\s+/);
		if (fields.length < 10) continue;
		const local = parseAddress(fields[1]);
		const remote = parseAddress(fields[2]);
		if (local.port === clientPort && remote.port === serverPort) return fields[9];
	}
	return undefined;
}

function holder(inode: string, processes: Map<string, number>): string | undefined {
	const target = `socket:[${inode}]`;
	for (const [name, pid] of processes) {
		let fds: string[];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue; // exited
		}
		for (const fd of fds) {
			try {
				if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return name;
			} catch {
				// closed meanwhile
			}
		}
	}
	return undefined;
}

/**
 * Records, for every request `server` receives from now on, which of `processes` (name → pid,
 * read at each connection, so processes may be added later) sent it.
 */
export function recordCallers(server: Server, processes: Map<string, number>): CalledRequest[] {
	const requests: CalledRequest[] = [];
	const callers = new WeakMap<Socket, string>();
	server.on('connection', (socket: Socket) => {
		const inode =
			socket.remotePort && socket.localPort
				? clientInode(socket.remotePort, socket.localPort)
				: undefined;
		callers.set(socket, (inode && holder(inode, processes)) || 'unknown');
	});
	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		const request: CalledRequest = {
			caller: callers.get(req.socket) ?? 'unknown',
			method: req.method ?? '',
			url: req.url ?? '',
			authorized: !!req.headers.authorization,
			status: 0,
		};
		requests.push(request);
		res.on('finish', () => (request.status = res.statusCode));
	});
	return requests;
}

/** How many of `requests` each caller sent: `{ main: 3, worker1: 10 }`. */
export function countByCaller(requests: CalledRequest[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const { caller } of requests) counts[caller] = (counts[caller] ?? 0) + 1;
	return counts;
}
