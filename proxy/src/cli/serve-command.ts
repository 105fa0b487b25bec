import type { Command } from 'commander';
import { startProxy } from '../server/start-proxy.ts';
import type { CliContext } from './cli-context.ts';

/** `upsignal serve`: the proxy, with a banner that tells a newcomer what to try. */
export function registerServe(program: Command, context: CliContext) {
  program
    .command('serve', { isDefault: true })
    .description('start the proxy')
    .action(async () => {
      const env = context.env();
      const log = context.logger();
      const proxy = await startProxy({ env, log });

      const shutdown = async (signal: string) => {
        log.info({ signal }, 'shutting down');
        await proxy.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));

      process.stdout.write(await banner(proxy, env.UPSIGNAL_API_TOKEN !== undefined));
    });
}

async function banner(proxy: Awaited<ReturnType<typeof startProxy>>, envToken: boolean) {
  const lines = ['', `Upsignal proxy on ${proxy.url} (warehouse: ${proxy.warehouse.kind})`];

  if (proxy.demoToken) {
    const { scores } = await proxy.cache.all().catch(() => ({ scores: [] }));
    const top = [...scores].sort((a, b) => b.score - a.score)[0];
    const token = proxy.demoToken;

    lines.push(
      '',
      `Demo token:  ${token}`,
      `Demo page:   ${proxy.url}/demo/#token=${token}`,
      '',
      'Score the top demo account:',
      top?.account.salesforceAccountId
        ? `  curl -s -H "Authorization: Bearer ${token}" ` +
            `"${proxy.url}/v1/accounts/score?` +
            `salesforceAccountId=${top.account.salesforceAccountId}"`
        : `  curl -s -H "Authorization: Bearer ${token}" "${proxy.url}/v1/accounts/top?limit=5"`,
    );
  } else if (!envToken) {
    lines.push('', 'Issue a token with: npm run cli -- token issue --email you@example.com');
  }

  lines.push('', 'Press Ctrl+C to stop.', '');
  return lines.join('\n');
}
