import type { Environment } from '../config/environment.ts';
import type { Logger } from '../observability/logger.ts';

/** What every command gets: the validated environment and a logger, built on demand. */
export type CliContext = { env: () => Environment; logger: () => Logger };
