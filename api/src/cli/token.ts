import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { FileTokenStore } from '../auth/token-store.ts';
import { isRole, ROLES } from '../auth/roles.ts';

// Token administration from the shell, mainly to bootstrap the first admin:
//   npm run token -- create --role admin --name "Ana (ops)" [--days 90 | --days never]
//   npm run token -- list
//   npm run token -- revoke <id>
// Works on the same tokens file as the server (DATA_DIR/tokens.json or
// TOKENS_FILE); a running server picks changes up within a second.
// `create` prints the token alone on stdout (shown once), details on stderr.

const USAGE = `usage:
  token create --role ${ROLES.join('|')} --name <name> [--days <n>|never] [--file <tokens.json>]
  token list [--file <tokens.json>]
  token revoke <id> [--file <tokens.json>]`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      days: { type: 'string' },
      file: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const config = loadConfig();
  const file = values.file ?? config.TOKENS_FILE ?? path.join(config.DATA_DIR, 'tokens.json');
  const tokens = new FileTokenStore(file);

  if (command === 'create') {
    if (!isRole(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
    if (!values.name?.trim()) fail('--name is required');
    const days = values.days ?? '365';
    if (days !== 'never' && !/^\d{1,4}$/.test(days)) fail('--days must be a number of days or "never"');
    const expiresAt = days === 'never' ? undefined : new Date(Date.now() + Number(days) * 86_400_000).toISOString();
    const { token, info } = await tokens.create({ name: values.name, role: values.role, expiresAt, createdBy: 'cli' });
    process.stderr.write(`created ${info.role} token "${info.name}" (id ${info.id}, expires ${info.expiresAt ?? 'never'}) in ${file}\n`);
    process.stderr.write('it is shown only once; keep it secret:\n');
    process.stdout.write(`${token}\n`);
  } else if (command === 'list') {
    for (const t of await tokens.list()) {
      const state = t.revokedAt ? `revoked ${t.revokedAt}` : t.active ? 'active' : 'expired';
      process.stdout.write(`${t.id}  ${t.role.padEnd(6)}  ${state.padEnd(8)}  expires ${t.expiresAt ?? 'never'}  ${t.name}\n`);
    }
  } else if (command === 'revoke') {
    if (rest.length !== 1) fail('revoke takes one token id');
    const info = await tokens.revoke(rest[0], 'cli');
    process.stderr.write(`revoked ${info.id} ("${info.name}")\n`);
  } else {
    fail(command ? `unknown command "${command}"` : 'a command is required');
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  process.stderr.write(`token: ${err.message}\n`);
  process.exit(1);
});
