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
