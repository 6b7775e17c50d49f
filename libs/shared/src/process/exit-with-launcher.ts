/**
 * `scripts/run.js` starts long-running targets with an IPC channel for one purpose: when the
 * launcher is gone (SIGTERM to `npm start`, a closed terminal, even SIGKILL), the channel closes
 * and this process shuts down as if it had received SIGTERM, so Nest's shutdown hooks still run.
 * Outside the launcher there is no channel and this does nothing.
 */
export function exitWithLauncher(): void {
  if (!process.channel) return;
  // The channel must not keep a finished process alive.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
