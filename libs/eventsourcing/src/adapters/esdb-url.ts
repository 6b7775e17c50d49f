/**
 * The connection strings of EventStoreDB and of KurrentDB (its new name), without loading the
 * gRPC client: the configuration checks them in every process. KurrentDB's clients accept
 * `kurrentdb://`, `kurrent://` and `kdb://` (each also `+discover`); the v6 client parses only
 * `esdb://` and `esdb+discover://`, which mean the same.
 */
const URL_SCHEME = /^(esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\//i;

/** True for the connection strings the EventStoreDB adapter accepts. */
export function isEventStoreDbUrl(url: string | undefined): boolean {
  return typeof url === 'string' && URL_SCHEME.test(url.trim());
}

/** The same connection string in the scheme the v6 client parses. */
export function toClientConnectionString(url: string): string {
  const trimmed = url.trim();
  if (!URL_SCHEME.test(trimmed)) {
    throw new Error(
      'EventStoreDB connection string must start with esdb://, kurrentdb://, kurrent:// or kdb:// (each also +discover)',
    );
  }
  return trimmed.replace(URL_SCHEME, (_match, _scheme: string, discover?: string) =>
    discover ? 'esdb+discover://' : 'esdb://',
  );
}
