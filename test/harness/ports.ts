/** Ports held as another program would hold them, for the tests of what starts beside them. */
import { createServer, type Server } from 'node:net';

/**
 * Listens on 127.0.0.1:`port` (0: any free port) until the server is closed; undefined when
 * something listens there already (as good, for a test that needs the port busy).
 */
export async function occupy(port: number): Promise<Server | undefined> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(undefined));
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

/** The port a server listens on. */
export const portOf = (server: Server) => (server.address() as { port: number }).port;
