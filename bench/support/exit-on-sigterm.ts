/**
 * Preloaded (`node --require`) only into an API child that runs with `--cpu-prof`: Node writes
 * the profile on a normal exit but not when a signal kills the process, and Nest's shutdown hook
 * re-raises SIGTERM after closing. Registered before Nest's listener, this one exits first.
 */
process.on('SIGTERM', () => process.exit(0));
