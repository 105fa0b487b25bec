import 'dotenv/config';
import { Command } from 'commander';
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

try {
  await program.parseAsync();
} catch (error) {
  // Known start-up failures get their own message and no stack trace.
  if (
    error instanceof EnvironmentError ||
    error instanceof ConfigError ||
    error instanceof WarehouseError
  ) {
    process.stderr.write(`upsignal: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
