interface SendOptions {
  template: string;
  retries: number;
}
declare function send(address: string, options: SendOptions): Promise<boolean>;

export async function notify(event: 'signup' | 'reset', address: string, retries: number): Promise<boolean> {
  let sendArg: SendOptions;
  switch (event) {
    case 'signup': {
      const options: SendOptions = { template: 'welcome', retries };
      sendArg = options;
      break;
    }
    case 'reset': {
      const options: SendOptions = { template: 'reset-password', retries: 0 };
      sendArg = options;
      break;
    }
    default:
      throw new Error(event);
  }
  return await send(address, sendArg);
}
