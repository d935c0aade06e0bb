/** Baseline 2: the y-websocket reference server (@y/websocket-server), in memory. */
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const server = http.createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server });
wss.on('connection', (socket, request) => setupWSConnection(socket, request));
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
process.on('SIGTERM', () => process.exit(0));
