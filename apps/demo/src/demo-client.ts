import { type Role, signDevToken } from '@app/identity';

export interface Problem {
  status: number;
  code?: string;
  detail?: string;
}

/** A request the demo expected to succeed was refused: the run stops and says which and why. */
export class DemoStepFailed extends Error {
  constructor(what: string, status: number, body: string) {
    super(`${what} answered ${status}: ${body.slice(0, 400)}`);
  }
}

/** One caller with a real dev token, speaking to the real API over HTTP. */
export class Caller {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    readonly label: string,
  ) {}

  private async send(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  /** Sends and insists on a 2xx answer; returns the parsed body. */
  async ok<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body);
    if (res.status >= 300) throw new DemoStepFailed(`${this.label}: ${method} ${path}`, res.status, res.text);
    return (res.text ? JSON.parse(res.text) : {}) as T;
  }

  get<T = Record<string, unknown>>(path: string): Promise<T> {
    return this.ok<T>('GET', path);
  }

  /**
   * Every item of a list route, page by page (lists answer `{ items, total, page, limit }`, at most
   * 500 items a page).
   */
  async all<T>(path: string): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const separator = path.includes('?') ? '&' : '?';
      const answer = await this.get<{ items: T[]; total: number }>(
        `${path}${separator}page=${page}&limit=500`,
      );
      items.push(...answer.items);
      if (answer.items.length === 0 || items.length >= answer.total) return items;
    }
  }

  post<T = Record<string, unknown>>(path: string, body: unknown = {}): Promise<T> {
    return this.ok<T>('POST', path, body);
  }

  put<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
    return this.ok<T>('PUT', path, body);
  }

  async text(path: string): Promise<string> {
    const res = await this.send('GET', path);
    if (res.status >= 300) throw new DemoStepFailed(`${this.label}: GET ${path}`, res.status, res.text);
    return res.text;
  }

  /** Sends a request the API must refuse; returns its problem (status, code, detail). */
  async refused(method: string, path: string, body?: unknown): Promise<Problem> {
    const res = await this.send(method, path, body);
    if (res.status < 400) {
      throw new DemoStepFailed(`${this.label}: ${method} ${path} (expected a refusal)`, res.status, res.text);
    }
    const problem = JSON.parse(res.text) as { code?: string; detail?: string };
    return { status: res.status, code: problem.code, detail: problem.detail };
  }
}

/** Callers for every role, each with its own signed token. */
export class Callers {
  private readonly cache = new Map<string, Caller>();

  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
  ) {}

  async as(role: Role, ags?: string, subject?: string): Promise<Caller> {
    const key = `${role}|${ags ?? ''}|${subject ?? ''}`;
    const known = this.cache.get(key);
    if (known) return known;
    const token = await signDevToken(this.secret, { role, ags, subject });
    const caller = new Caller(this.baseUrl, token, subject ?? (ags ? `${role} ${ags}` : role));
    this.cache.set(key, caller);
    return caller;
  }
}
