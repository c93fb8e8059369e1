import * as fse from 'fs-extra';

// The test's factory mocks fs-extra's writeFileSync: this write stays sync.
export function saveUpload(file: string, data: string): void {
  fse.writeFileSync(file, data);
}

// statSync is not a key of the factory: this one migrates.
export function uploadSize(file: string): number {
  return fse.statSync(file).size;
}
