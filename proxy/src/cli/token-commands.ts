import type { Command } from 'commander';
import { TokenStore } from '../auth/token-store.ts';
import type { CliContext } from './cli-context.ts';
import { CliError } from './cli-error.ts';
import { openForCli } from './open-for-cli.ts';

/** `upsignal token issue|revoke|list`: sellers' bearer tokens, stored hashed. */
export function registerTokenCommands(program: Command, context: CliContext) {
  const token = program.command('token').description('issue, list and revoke sellers\u2019 tokens');

  token
    .command('issue')
    .description('issue a token for a seller; it is shown once and stored hashed')
    .requiredOption('--email <email>', 'the seller the token belongs to')
    .option('--label <label>', 'where the token is used, e.g. "chrome laptop"')
    .action(async (options: { email: string; label?: string }) => {
      if (!/^[^@\s]+@[^@\s]+$/.test(options.email)) {
        throw new CliError(`not an email address: ${options.email}`);
      }
      await withStore(context, async (store) => {
        const issued = await store.issue(options.email, options.label ?? null);
        process.stdout.write(`${issued.token}\n`);
        process.stderr.write(`Issued for ${issued.email}. Store it now: it is not shown again.\n`);
      });
    });

  token
    .command('list')
    .description('list tokens by fingerprint, owner and state')
    .action(async () => {
      await withStore(context, async (store) => {
        for (const summary of await store.list()) {
          const state = summary.revokedAt ? `revoked ${summary.revokedAt}` : 'active';
          process.stdout.write(
            `${summary.fingerprint}  ${summary.email}  ${summary.label ?? '-'}  ${state}\n`,
          );
        }
      });
    });

  token
    .command('revoke')
    .description('revoke a token by fingerprint, or every token of an email')
    .argument('<fingerprint-or-email>')
    .action(async (target: string) => {
      await withStore(context, async (store) => {
        const count = await store.revoke(target);
        process.stdout.write(`revoked ${count} token(s)\n`);
        if (count === 0) process.exitCode = 1;
      });
    });
}

async function withStore(context: CliContext, work: (store: TokenStore) => Promise<void>) {
  const env = context.env();
  const { warehouse, tables } = await openForCli(env, context.logger());
  try {
    await work(new TokenStore(warehouse, tables));
  } finally {
    await warehouse.close();
  }
}
