import { PiError } from '@pi/core';

/** Waits on device work, but never forever: a lost device or a stuck queue becomes a PiError. */
export interface DeviceWatch {
  /** Resolves with `work`, or rejects with DEVICE_LOST when the device is lost, RUNTIME_FAILURE after `timeoutMs`. */
  settle<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T>;
}

/** Watches `device.lost` once and lets every wait race it. */
export function watchDevice(device: GPUDevice): DeviceWatch {
  const lost = device.lost.then((info) => {
    throw new PiError('DEVICE_LOST', `webgpu: the device was lost (${info.reason}): ${info.message || 'no message'}`);
  });
  lost.catch(() => {}); // observed by every settle; unobserved here on purpose
  return {
    settle<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new PiError('RUNTIME_FAILURE', `webgpu: ${what} did not finish within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
      });
      return Promise.race([work, lost, timeout]).finally(() => clearTimeout(timer));
    },
  };
}
