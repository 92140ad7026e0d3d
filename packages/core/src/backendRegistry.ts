import { describeOptionValues, type BackendDescriptor, type BackendOption } from './backendDescriptor.js';
import { PiError } from './piError.js';

/**
 * The backends a program knows, in the order they were registered. Packages export their descriptors;
 * an application (the CLI, the docs demo, a test) registers the ones it ships, and adds its own with
 * `register`.
 */
export class BackendRegistry {
  private readonly byId = new Map<string, BackendDescriptor>();

  constructor(descriptors: Iterable<BackendDescriptor> = []) {
    for (const d of descriptors) this.register(d);
  }

  /**
   * Adds a backend. An id already registered, or an option named like another backend's but allowing
   * other values, is a programming error: one option name means one thing on every backend.
   */
  register(descriptor: BackendDescriptor): this {
    if (this.byId.has(descriptor.id)) {
      throw new PiError('INVALID_ARGUMENT', `backend ${descriptor.id}: registered twice`, { option: 'id' });
    }
    const known = this.options();
    for (const option of descriptor.options) {
      const other = known.get(option.name);
      if (other !== undefined && JSON.stringify(other.option.values) !== JSON.stringify(option.values)) {
        throw new PiError(
          'INVALID_ARGUMENT',
          `backend ${descriptor.id}: option ${option.name} allows ${describeOptionValues(option.values)}, but on ` +
            `${other.backends.join(', ')} it allows ${describeOptionValues(other.option.values)}`,
          { option: option.name },
        );
      }
    }
    this.byId.set(descriptor.id, descriptor);
    return this;
  }

  /** Every backend, in registration order. */
  list(): BackendDescriptor[] {
    return [...this.byId.values()];
  }

  /** Backend ids, in registration order. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The backend with this id, or undefined. */
  find(id: string): BackendDescriptor | undefined {
    return this.byId.get(id);
  }

  /** Every backend option by name, with the backends it applies to (one spec per name: `register` checks they agree). */
  options(): Map<string, { readonly option: BackendOption; readonly backends: string[] }> {
    const out = new Map<string, { option: BackendOption; backends: string[] }>();
    for (const d of this.byId.values()) {
      for (const option of d.options) {
        const entry = out.get(option.name);
        if (entry === undefined) out.set(option.name, { option, backends: [d.id] });
        else entry.backends.push(d.id);
      }
    }
    return out;
  }
}
