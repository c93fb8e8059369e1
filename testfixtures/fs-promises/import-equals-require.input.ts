import fs = require('fs');

export async function touch(file: string): Promise<void> {
  fs.appendFileSync(file, '');
  fs.utimesSync(file, new Date(), new Date());
}
