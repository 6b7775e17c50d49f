// The ceiling of the HTTP command bench: the same routes as our API's two commands, answered at
// once, with nothing behind them (no token check, validation, store, logging), by Node's own http
// module, by Nest on Express or by Nest on Fastify (what the API runs on), as its own process:
//   PORT=… CEILING_STACK=node-http|nest-express|nest-fastify node dist/bench/framework-ceiling/server.js
// What the two commands cost above such a stack is what the API itself does.
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Body, Controller, Headers, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';

const READY_LINE = 'CEILING listening on ';

const port = Number(process.env.PORT);
const stack = process.env.CEILING_STACK;
if (!port || !stack) throw new Error('PORT and CEILING_STACK are required');

/** The municipality of a bench token (its payload read, not verified: no check is the point). */
function agsOf(authorization: string | undefined): string {
  const payload = authorization?.split('.')[1];
  if (!payload) return '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { ags?: string }).ags ?? '';
}

const drafted = (callId: string, authorization: string | undefined) => ({
  id: `${callId}.${agsOf(authorization)}`,
  revision: 0,
  status: 'draft',
});
const submitted = (id: string) => ({ id, revision: 1, status: 'submitted' });

@Controller()
class CeilingController {
  @Post('bench/calls/:callId')
  @HttpCode(201)
  openCall(@Param('callId') callId: string) {
    return { callId };
  }

  @Post('calls/:callId/expressions-of-interest')
  @HttpCode(201)
  draft(
    @Param('callId') callId: string,
    @Headers('authorization') authorization: string | undefined,
    @Body() _body: unknown,
  ) {
    return drafted(callId, authorization);
  }

  @Post('expressions-of-interest/:id/submit')
  @HttpCode(200)
  submit(@Param('id') id: string) {
    return submitted(id);
  }
}

@Module({ controllers: [CeilingController] })
class CeilingModule {}

/** The same three routes on Node's http module alone: what any framework adds shows against it. */
function nodeHttp(): Promise<void> {
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const parts = (req.url ?? '').split('/');
      if (chunks.length > 0) JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (req.method !== 'POST') return send(res, 404, {});
      if (parts[1] === 'bench' && parts[2] === 'calls') return send(res, 201, { callId: parts[3] });
      if (parts[1] === 'calls' && parts[3] === 'expressions-of-interest')
        return send(res, 201, drafted(parts[2], req.headers.authorization));
      if (parts[1] === 'expressions-of-interest' && parts[3] === 'submit')
        return send(res, 200, submitted(parts[2]));
      send(res, 404, {});
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

async function main(): Promise<void> {
  if (stack === 'node-http') await nodeHttp();
  else if (stack === 'nest-express') {
    const app = await NestFactory.create(CeilingModule, { logger: false });
    await app.listen(port, '127.0.0.1');
  } else if (stack === 'nest-fastify') {
    const app = await NestFactory.create(CeilingModule, new FastifyAdapter(), { logger: false });
    await app.listen(port, '127.0.0.1');
  } else throw new Error(`CEILING_STACK: unknown stack ${stack}`);
  process.on('SIGTERM', () => process.exit(0));
  console.log(`${READY_LINE}${port} (${stack})`);
}

void main();
