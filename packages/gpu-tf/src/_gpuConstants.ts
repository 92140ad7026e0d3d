/**
 * WebGPU's flag values, from the specification. Dawn in Node does not define the `GPUBufferUsage` and
 * `GPUMapMode` globals unless asked to, and browser-safe code must not import Dawn to get them.
 */
export const BufferUsage = {
  MAP_READ: 0x1,
  COPY_SRC: 0x4,
  COPY_DST: 0x8,
  UNIFORM: 0x40,
  STORAGE: 0x80,
} as const;

/** `GPUMapMode.READ`. */
export const MAP_READ = 0x1;
