// Types for scripts/ensure-deps.js, which stays plain JavaScript (it runs before any install).

/** The project whose node_modules the script installs: the folder above scripts/. */
export const root: string;
/** Installs with `npm ci` unless node_modules was installed from this very lock (or is a link). */
export function ensureDeps(): void;
/** Runs `npm ci`; on failure, writes npm's reason in one sentence and exits. */
export function installLocked(): void;
/** npm's reason for a failure, in one sentence ending with a full stop, from its stderr. */
export function npmReason(stderr: string): string;
