interface SendOptions {
  template: string;
  retries: number;
}
declare function send(address: string, options: SendOptions): Promise<boolean>;

export async function notify(event: 'signup' | 'reset', address: string, retries: number): Promise<boolean> {
  switch (event) {
    case 'signup': {
      const options: SendOptions = { template: 'welcome', retries };
      return await send(address, options);
    }
    case 'reset': {
      const options: SendOptions = { template: 'reset-password', retries: 0 };
      return await send(address, options);
    }
    default:
      throw new Error(event);
  }
}
