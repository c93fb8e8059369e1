class Jobs {
  async run(id: string): Promise<string> {
    return id;
  }

  // Callers detach methods (`const start = jobs.start`), so `this` may be undefined here.
  async start(id: string): Promise<string> {
    return await this.run(id);
  }
}

export const jobs = new Jobs();
