/**
 * When the live connection may open. Normally at once; a view that opened the page and needs its own data first
 * (the graph: its answer and the 2 MB snapshot would otherwise share the server, the wire and the page's one thread)
 * holds it back until it is drawn, for a bounded time, so statuses never stay stale for long.
 */
let gate: Promise<void> = Promise.resolve();

export function holdLiveUntil(until: Promise<unknown>, maxMillis: number): void {
  gate = Promise.race([
    until.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => setTimeout(resolve, maxMillis)),
  ]);
}

/** Settles when the live connection may open. */
export function liveMayStart(): Promise<void> {
  return gate;
}
