import { parseArgs } from 'node:util';
import { loadConfig } from '@app/shared';
import { resolveDevSecret } from '../dev-secret';
import { type Role, ROLES } from '../principal';
import { signDevToken } from '../token-verifier';

/** npm run token -- --role municipality --ags 05978000 [--sub name] [--ttl 8h] */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      ags: { type: 'string' },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const role = values.role as Role;
  if (!ROLES.includes(role)) {
    throw new Error(
      `--role must be one of ${ROLES.join(', ')}; e.g. npm run token -- --role municipality --ags 05978000`,
    );
  }
  const config = loadConfig();
  if (config.auth.mode !== 'dev') throw new Error('dev tokens exist only with AUTH_MODE=dev');
  const secret = resolveDevSecret(config.auth.devSecret, config.dataDir);
  process.stdout.write(
    `${await signDevToken(secret, { role, ags: values.ags, subject: values.sub, expiresIn: values.ttl })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${(error as Error).message}\n`);
  process.exit(2);
});
