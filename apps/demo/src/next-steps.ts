/** Where `npm start` will listen: the demo's own HOST and PORT (its API ran on a free port). */
export interface ListenSettings {
  host: string;
  port: number;
}

/**
 * The demo's closing hint: how to serve its data with `npm start` and get a token. It names the
 * host and port of the configuration the demo was given, which `npm start` with the same
 * environment binds; PORT=0 asks the system for a free port, which only the API's start line can
 * name, so the hint says that instead of printing port 0.
 */
export function nextStepsHint({ host, port }: ListenSettings): string[] {
  const origin = `http://${host.includes(':') ? `[${host}]` : host}`;
  const serves =
    port === 0
      ? `on ${origin} at a free port the system picks (PORT=0), named in its "API listening on" line (docs at /docs);`
      : `on ${origin}:${port} (docs at ${origin}:${port}/docs);`;
  return [
    `Next: npm start serves the API over this data ${serves}`,
    '      npm run token -- --role grants-office   (or auditor, evaluator, municipality --ags 05978000)',
  ];
}
