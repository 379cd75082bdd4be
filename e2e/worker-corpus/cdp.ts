// A plain Chrome DevTools Protocol connection (a WebSocket to the browser's remote-debugging port),
// beside Playwright's own pipe. Why not Playwright's CDPSession: every call through it is a test
// step, and the test runner looks up each step's parent by walking every earlier step, so the
// thousands of calls this corpus makes (a heap sample every 20 ms, two calls a case) grew
// quadratic: 38 s of a 400-case run went to that lookup. Here calls cost a WebSocket message.
// Sessions are flattened: a message to a target carries its sessionId at the top level.
// https://chromedevtools.github.io/devtools-protocol/

import WebSocket from 'ws';

type Listener = (method: string, params: Record<string, unknown>, sessionId: string | undefined) => void;

interface Reply {
  id: number;
  result?: unknown;
  error?: { message: string };
}

export class Cdp {
  private nextId = 1;
  private readonly pending = new Map<number, { sessionId?: string; resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: Listener[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.receive(String(data)));
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('the DevTools connection closed'));
      this.pending.clear();
    });
  }

  /** Connects to the browser listening on `port` (Chromium's --remote-debugging-port). */
  static async connect(port: number): Promise<Cdp> {
    const res = await fetch(`http://127.0.0.1:${port}/json/version`);
    const { webSocketDebuggerUrl } = (await res.json()) as { webSocketDebuggerUrl: string };
    // Results can be large (a case's row with its verdict): no limit on a message's size.
    const ws = new WebSocket(webSocketDebuggerUrl, { maxPayload: 256 << 20 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Cdp(ws);
  }

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { sessionId, resolve: resolve as (r: unknown) => void, reject });
      this.ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
    });
  }

  on(listener: Listener): void {
    this.listeners.push(listener);
  }

  /**
   * Evaluates `expression` in a page session and returns its value (awaited, by value); throws
   * what the page threw. Gives up after `timeoutMs`: the page's main thread may be stuck.
   */
  async evaluate<T>(sessionId: string, expression: string, timeoutMs: number): Promise<T> {
    type Evaluated = { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the page did not answer ${expression} within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const r = await Promise.race([this.send<Evaluated>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId), timeout]);
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value as T;
    } finally {
      clearTimeout(timer);
    }
  }

  private dropSession(sessionId: string): void {
    for (const [id, p] of this.pending) {
      if (p.sessionId !== sessionId) continue;
      this.pending.delete(id);
      p.reject(new Error('the target went away'));
    }
  }

  close(): void {
    this.ws.close();
  }

  private receive(raw: string): void {
    const msg = JSON.parse(raw) as Reply & { method?: string; params?: Record<string, unknown>; sessionId?: string };
    if (msg.method) {
      // A target that went away (a terminated worker) answers nothing more: its calls fail now.
      if (msg.method === 'Target.detachedFromTarget') this.dropSession(msg.params?.sessionId as string);
      for (const l of this.listeners) l(msg.method, msg.params ?? {}, msg.sessionId);
      return;
    }
    const p = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    if (msg.error) p?.reject(new Error(msg.error.message));
    else p?.resolve(msg.result);
  }
}
