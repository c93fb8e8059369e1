declare function trace(target: unknown, key: string, descriptor: PropertyDescriptor): void;
declare function sealed(target: unknown): void;

async function load(id: string): Promise<string> {
  return id;
}

class Traced {
  @trace
  async get(id: string): Promise<string> {
    return await load(id);
  }
}

@sealed
class Sealed {
  async get(id: string): Promise<string> {
    return await load(id);
  }
}

export const all = [new Traced(), new Sealed()];
