class Base {}

class Derived extends Base {
  handler: (id: string) => Promise<string>;

  constructor() {
    const early = async (id: string) => await this.run(id);
    early('x').catch(() => undefined);
    super();
    this.handler = early;
  }

  async run(id: string): Promise<string> {
    return id;
  }
}

export const d = new Derived();

async function register(owner: object): Promise<object> {
  return owner;
}

export class Plugin extends Base {
  constructor() {
    const early = async () => await register(this);
    early().catch(() => undefined);
    super();
  }
}
