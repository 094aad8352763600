/** Open event streams, so that shutdown can end them (they would otherwise never finish). */

export interface StreamRegistry {
  /** Registers a stream's stop function; returns its unregister function. */
  add(stop: () => void): () => void;
  closeAll(): void;
  readonly size: number;
}

export function newStreamRegistry(): StreamRegistry {
  const open = new Set<() => void>();
  return {
    add(stop) {
      open.add(stop);
      return () => open.delete(stop);
    },
    closeAll() {
      for (const stop of [...open]) stop();
      open.clear();
    },
    get size() {
      return open.size;
    },
  };
}
