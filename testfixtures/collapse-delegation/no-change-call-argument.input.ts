async function send(value: string): Promise<string> {
  return value;
}

export async function sendUpper(value: string): Promise<string> {
  return await send(value.toUpperCase());
}

export async function sendNew(value: string): Promise<string> {
  return send(String(new URL(value)));
}
