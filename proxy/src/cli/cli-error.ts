/** A mistake in how a command was called; the CLI prints its message alone and exits 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
