/**
 * Lets timers, abort signals and messages run between chunks of a long computation. `setImmediate`
 * where it exists (Node), else a MessageChannel round trip (browsers), which, unlike `setTimeout(0)`,
 * is not clamped to 4 ms.
 *
 * @internal
 */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') return new Promise((resolve) => immediate(resolve));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.addEventListener(
      'message',
      () => {
        channel.port1.close();
        resolve();
      },
      { once: true },
    );
    channel.port1.start();
    channel.port2.postMessage(null);
  });
}
