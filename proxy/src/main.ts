import 'dotenv/config';
import { Command } from 'commander';
import { CliError } from './cli/cli-error.ts';
import { registerSeed } from './cli/seed-command.ts';
import { registerServe } from './cli/serve-command.ts';
import { registerTokenCommands } from './cli/token-commands.ts';
import { registerWriteback } from './cli/writeback-command.ts';
import { EnvironmentError, readEnvironment } from './config/environment.ts';
import { ConfigError } from './config/scoring-config.ts';
import { createLogger } from './observability/logger.ts';
import { WarehouseError } from './warehouse/warehouse.ts';

/** The `upsignal` command line: serve, tokens, write-back. */
const program = new Command('upsignal')
  .description('Account expansion signals computed in your warehouse.')
  .showHelpAfterError();

const context = {
  env: () => readEnvironment(),
  logger: () => {
    const env = readEnvironment();
    return createLogger({ level: env.UPSIGNAL_LOG_LEVEL, format: env.UPSIGNAL_LOG_FORMAT });
  },
};

registerServe(program, context);
registerTokenCommands(program, context);
registerWriteback(program, context);
registerSeed(program, context);

try {
  await program.parseAsync();
} catch (error) {
  // Known failures are explained in their message; anything else keeps its stack for debug.
  const known =
    error instanceof CliError ||
    error instanceof EnvironmentError ||
    error instanceof ConfigError ||
    error instanceof WarehouseError;
  const detail = error instanceof Error ? error.message : String(error);
  process.stderr.write(`upsignal: ${known ? detail : `unexpected error: ${detail}`}\n`);
  if (!known && process.env.UPSIGNAL_LOG_LEVEL === 'debug') console.error(error);
  process.exit(1);
}
