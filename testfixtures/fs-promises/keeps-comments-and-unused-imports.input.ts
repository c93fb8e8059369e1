// Storage helpers.
// The sync import below is only used by save().
import { writeFileSync } from 'fs';
import { existsSync } from 'fs'; // unused before the migration: stays

/**
 * Save `data` to `file`.
 */
export async function save(file: string, data: string): Promise<void> {
  // Write it all at once.
  writeFileSync(file, data /* utf8 */);
}
